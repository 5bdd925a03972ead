using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Benchmarks;

/// <summary>
/// A `predict` of a run whose pre-training decays over 197,000 steps with 1-sqrt against the same
/// run with cosine (docs/performance.md): 200 evenly spread steps and the derived quantities, the
/// predictor's construction included. The power shapes' momentum is Euler–Maclaurin (docs/laws.md §7).
/// </summary>
[MemoryDiagnoser]
public class PowerDecayBenchmarks
{
    EvaluationPlan plan = null!;
    long[] steps = null!;

    [Params(Shape.Cosine, Shape.OneMinusSqrt)]
    public Shape Decay { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        plan = Run(Decay);
        steps = Runs.Sampled(plan.TotalSteps, 200);
    }

    /// <summary>2,000 warmup steps, a 197,000-step decay from 2e-4 to 2e-5, then CPT (500-step
    /// re-warmup from 0, 50,000-step cosine to 0).</summary>
    public static EvaluationPlan Run(Shape decay)
    {
        const long warm = 2_000, pt = warm + 197_000, cptWarm = 500, total = pt + cptWarm + 50_000;
        var segments = ImmutableArray.Create(
            new Segment(1, warm, 0, PhaseKind.Warmup, new Kernel(Shape.Linear, 0, 2e-4)),
            new Segment(warm + 1, pt, 0, PhaseKind.Decay, new Kernel(decay, 2e-4, 2e-5)),
            new Segment(pt + 1, pt + cptWarm, 1, PhaseKind.Warmup, new Kernel(Shape.Linear, 0, 1e-4)),
            new Segment(pt + cptWarm + 1, total, 1, PhaseKind.Decay, new Kernel(Shape.Cosine, 1e-4, 0)));
        var stages = ImmutableArray.Create(
            new Stage(StageKind.Pretraining, Runs.General, 1, pt),
            new Stage(StageKind.Continual, Runs.Domain, pt + 1, total));
        return new EvaluationPlan("bench", 2e-4, null, PlanSettings.Default, stages, segments);
    }

    /// <summary>The areas alone at 1,000 steps spread over the decay (one query each).</summary>
    [Benchmark]
    public double ThousandQueriesInTheDecay()
    {
        var areas = new CptLang.Laws.Areas.ScheduleAreas(plan);
        double sum = 0;
        for (long s = 2_001; s <= 199_000; s += 197)
            sum += areas.At(s).S2pt;
        return sum;
    }

    [Benchmark]
    public double PredictAndDerive()
    {
        var predictor = new LossPredictor(plan, Runs.Laws);
        var table = predictor.Predict(steps);
        var report = DerivedQuantities.Compute(predictor);
        return table.Loss(0)[^1] + report.Laws.Length;
    }
}
