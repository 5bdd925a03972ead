using BenchmarkDotNet.Attributes;
using CptLang.Laws.Areas;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Benchmarks;

/// <summary>
/// Every step of a 1,000,000-step two-stage run: the areas and both Eq. 4 laws. "Engine" is the
/// public call that allocates its result columns; "EngineIntoBuffers" reuses them, which is the
/// computation alone; the naive walk steps the recurrence and calls <c>Math.Pow</c> per step.
/// </summary>
[MemoryDiagnoser]
public class FullCurveBenchmarks
{
    const long Steps = 1_000_000;
    LossPredictor predictor = null!;
    AreaTable table = null!;
    double[]?[] columns = null!;
    EvaluationPlan plan = null!;
    LawParameters[] parameters = null!;
    double[][] naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        plan = Runs.TwoStage(Steps);
        predictor = new LossPredictor(plan, Runs.Laws);
        table = AreaTable.ForCurve(1, (int)Steps);
        columns = [new double[Steps], new double[Steps]];
        parameters = [.. Runs.Laws.Cast<ParametricLaw>().Select(l => l.Parameters)];
        naive = [new double[Steps], new double[Steps]];
    }

    [Benchmark]
    public double Engine()
    {
        var losses = predictor.PredictCurve(1, Steps);
        return losses.Loss(0)[^1] + losses.Loss(1)[^1];
    }

    [Benchmark]
    public double EngineIntoBuffers()
    {
        predictor.Areas.FillCurve(table);
        var losses = predictor.EvaluateInto(table, columns);
        return losses.Loss(0)[^1] + losses.Loss(1)[^1];
    }

    [Benchmark(Baseline = true)]
    public double NaivePerStepWalk()
    {
        NaiveWalk.Curve(plan, parameters, Steps, naive);
        return naive[0][^1] + naive[1][^1];
    }
}
