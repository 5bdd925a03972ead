using BenchmarkDotNet.Attributes;
using CptLang.Laws.Derived;
using CptLang.Laws.Laws;

namespace CptLang.Benchmarks;

/// <summary>The loss peak and the turning length of the general loss on a two-stage run
/// (issue 14: the peak search used to cost 150× the turning-length search on 10⁹ steps).</summary>
[MemoryDiagnoser]
public class DerivedBenchmarks
{
    LossPredictor predictor = null!;

    [Params(1_000_000L, 1_000_000_000L)]
    public long TotalSteps { get; set; }

    [GlobalSetup]
    public void Setup() => predictor = new LossPredictor(Runs.TwoStage(TotalSteps), Runs.Laws);

    [Benchmark]
    public long Peak() => LossPeak.TryFind(predictor, 0, out var peak, out _) ? peak.Step : -1;

    [Benchmark(Baseline = true)]
    public long Turning() => TurningLength.TryFind(predictor, 0, out var turning, out _) ? turning.SwitchStep : -1;
}
