using BenchmarkDotNet.Attributes;
using CptLang.Laws.Planning;

namespace CptLang.Benchmarks;

/// <summary>
/// Issue 14: a sweep's cost per candidate should not grow with the number of candidates (the
/// Pareto front used to be scanned whole for every offer). The grid of
/// <see cref="OptimizeRuns.Problem"/> (two-stage runs of ~50,000 steps, end point plus
/// turning-length search) at 10,000 and 1,000,000 candidates: 40 or 400 CPT peak LRs × 5 or 50
/// loss potentials × 50 CPT lengths. Compare the mean divided by the candidate count.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SweepScaleBenchmarks
{
    [Params(10_000, 1_000_000)]
    public int Candidates { get; set; }

    [Benchmark]
    public long Grid() => SweepOptimizer.Run(Problem(Candidates), top: 10, refine: false).Evaluated;

    public static SweepProblem Problem(int candidates)
    {
        var problem = OptimizeRuns.Problem();
        int scale = candidates == 10_000 ? 1 : candidates == 1_000_000 ? 10 : throw new ArgumentOutOfRangeException(nameof(candidates));
        var scaled = problem with
        {
            Axes =
            [
                SweepAxis.Range(AxisKind.CptPeakLr, 1e-5, 2e-4, (2e-4 - 1e-5) / (40 * scale - 1)),
                SweepAxis.Range(AxisKind.LossPotential, 0, 1, 1.0 / (5 * scale - 1)),
                SweepAxis.Range(AxisKind.CptSteps, 5_100, 14_900, 200),
            ],
        };
        if (scaled.Count != candidates) throw new InvalidOperationException($"{scaled.Count} candidates, not {candidates}");
        return scaled;
    }
}
