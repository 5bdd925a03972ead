using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CptLang.Laws.Laws;
using CptLang.Laws.Planning;

namespace CptLang.Benchmarks;

/// <summary>
/// <c>cptc optimize</c>'s engine (issue 5's target: under 1 s on 2 cores): a grid of 10,000
/// candidate two-stage runs of about 50,000 steps (CPT peak LR × loss potential × CPT length), each
/// evaluated at its end point plus the turning-length search of the general-domain loss (the
/// sweep requires a turning length of at most 10,000 steps, so every candidate searches it).
/// "Naive" walks 20 of the candidates step by step (areas by the recurrence, Eq. 4 by
/// <c>Math.Pow</c>, the turning length by scanning the curve); multiply by 500 for the grid.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OptimizeBenchmarks
{
    public const int NaiveSample = 20;

    [Benchmark]
    public long Grid10k() => SweepOptimizer.Run(OptimizeRuns.Problem(), top: 10, refine: false).Evaluated;

    [Benchmark]
    public long Grid10kAndRefine() => SweepOptimizer.Run(OptimizeRuns.Problem(), top: 10, refine: true).Evaluated;

    [Benchmark]
    public double NaiveWalk20() => OptimizeRuns.Naive(NaiveSample);
}

/// <summary>The sweep the optimiser benchmarks use.</summary>
public static class OptimizeRuns
{
    public static SweepProblem Problem() => new(
        new RunFamily(Runs.TwoStage(50_000)),
        [
            SweepAxis.Range(AxisKind.CptPeakLr, 1e-5, 2e-4, (2e-4 - 1e-5) / 39),   // 40 values
            SweepAxis.Range(AxisKind.LossPotential, 0, 1, 0.25),                  // 5
            SweepAxis.Range(AxisKind.CptSteps, 5_100, 14_900, 200),               // 50: runs of 45,100..54,900 steps
        ],
        [.. Runs.Laws],
        Objective.Balance(Runs.General, 0.3, Runs.Domain, 0.7),
        // a turning-length requirement: every candidate searches its turning length
        [new TurningLengthConstraint(10_000)]);

    /// <summary>The first <paramref name="count"/> candidates of the grid, walked step by step:
    /// both losses at every step, the end losses and the first CPT step at which the general
    /// loss is back at its switch value after rising.</summary>
    public static double Naive(int count)
    {
        var problem = Problem();
        var laws = problem.Laws.Cast<ParametricLaw>().Select(l => l.Parameters).ToArray();
        double check = 0;
        Span<double> values = stackalloc double[problem.Axes.Length];
        for (int i = 0; i < count; i++)
        {
            problem.Decode(i * (problem.Count / count), values);
            var plan = problem.Family.Build(Choice.Of(problem.Axes, values), out _)!;
            long total = plan.TotalSteps, tpt = plan.SwitchStep!.Value;
            double[][] curve = [new double[total], new double[total]];
            NaiveWalk.Curve(plan, laws, total, curve);
            double switchLoss = curve[0][tpt - 1];
            long turning = -1;
            bool risen = false;
            for (long s = tpt; s < total; s++)
            {
                if (curve[0][s] > switchLoss) risen = true;
                else if (risen) { turning = s + 1 - tpt; break; }
            }
            check += 0.3 * curve[0][^1] + 0.7 * curve[1][^1] + turning;
        }
        return check;
    }
}
