using System.Collections.Immutable;
using CptLang.Laws.Laws;
using CptLang.Laws.Presets;
using CptLang.Laws.Schedules;

namespace CptLang.Benchmarks;

/// <summary>The runs the benchmarks use: a realistic two-stage schedule of any length.</summary>
public static class Runs
{
    public const string General = "fineweb", Domain = "knowledge-pile";

    /// <summary>Pre-training on 80 % of the steps (1 % linear warmup, cosine to 10 % of the
    /// peak), then CPT (1 % re-warmup from 0, cosine to 0).</summary>
    public static EvaluationPlan TwoStage(long totalSteps)
    {
        long pt = totalSteps * 8 / 10, cpt = totalSteps - pt;
        long ptWarm = pt / 100, cptWarm = cpt / 100;
        var segments = ImmutableArray.Create(
            new Segment(1, ptWarm, 0, PhaseKind.Warmup, new Kernel(Shape.Linear, 0, 2e-4)),
            new Segment(ptWarm + 1, pt, 0, PhaseKind.Decay, new Kernel(Shape.Cosine, 2e-4, 2e-5)),
            new Segment(pt + 1, pt + cptWarm, 1, PhaseKind.Warmup, new Kernel(Shape.Linear, 0, 1e-4)),
            new Segment(pt + cptWarm + 1, totalSteps, 1, PhaseKind.Decay, new Kernel(Shape.Cosine, 1e-4, 0)));
        var stages = ImmutableArray.Create(
            new Stage(StageKind.Pretraining, General, 1, pt),
            new Stage(StageKind.Continual, Domain, pt + 1, totalSteps));
        return new EvaluationPlan("bench", 2e-4, null, PlanSettings.Default, stages, segments);
    }

    /// <summary>The Fig. 3 pair of Eq. 4 laws.</summary>
    public static LawDefinition[] Laws =>
    [
        new ParametricLaw(General, PaperPresets.Get("paper.fig3.general").ToParameters()),
        new ParametricLaw(Domain, PaperPresets.Get("paper.fig3.domain").ToParameters()),
    ];

    /// <summary><paramref name="count"/> steps spread evenly over the run, ascending.</summary>
    public static long[] Sampled(long totalSteps, int count) =>
        [.. Enumerable.Range(1, count).Select(i => Math.Max(1, totalSteps * i / count))];
}
