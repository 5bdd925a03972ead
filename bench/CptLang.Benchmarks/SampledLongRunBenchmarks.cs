using BenchmarkDotNet.Attributes;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Benchmarks;

/// <summary>
/// Areas and both Eq. 4 laws at 1,000 evenly spread steps of a two-stage run, from the plan
/// (the predictor's construction included). The engine's cost and allocation must not depend on
/// the run's length; the naive walk's grows with it.
/// </summary>
[MemoryDiagnoser]
public class SampledLongRunBenchmarks
{
    EvaluationPlan plan = null!;
    long[] steps = null!;
    LawParameters[] parameters = null!;
    double[][] naive = null!;

    [Params(1_000_000L, 1_000_000_000L)]
    public long TotalSteps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        plan = Runs.TwoStage(TotalSteps);
        steps = Runs.Sampled(TotalSteps, 1000);
        parameters = [.. Runs.Laws.Cast<ParametricLaw>().Select(l => l.Parameters)];
        naive = [new double[steps.Length], new double[steps.Length]];
    }

    [Benchmark]
    public double Engine()
    {
        var table = new LossPredictor(plan, Runs.Laws).Predict(steps);
        return table.Loss(0)[^1] + table.Loss(1)[^1];
    }

    [Benchmark(Baseline = true)]
    public double NaivePerStepWalk()
    {
        NaiveWalk.Sampled(plan, parameters, steps, naive);
        return naive[0][^1] + naive[1][^1];
    }
}
