using System.Collections.Immutable;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Tests.Support;

/// <summary>Builds evaluation plans directly, as the compiler's lowering would.</summary>
internal static class Plans
{
    public const string General = "fineweb";
    public const string Domain = "knowledge-pile";

    /// <summary>A segment description: length, shape, ends, phase.</summary>
    public sealed record Piece(long Length, Kernel Kernel, PhaseKind Phase = PhaseKind.Stable);

    public static Piece Constant(long length, double lr) => new(length, Kernel.Constant(lr));
    public static Piece Linear(long length, double from, double to, PhaseKind phase = PhaseKind.Decay) => new(length, new Kernel(Shape.Linear, from, to), phase);
    public static Piece Cosine(long length, double from, double to, PhaseKind phase = PhaseKind.Decay) => new(length, new Kernel(Shape.Cosine, from, to), phase);
    public static Piece Warmup(long length, double from, double to) => new(length, new Kernel(Shape.Linear, from, to), PhaseKind.Warmup);

    /// <summary>A single-stage run (no switch).</summary>
    public static EvaluationPlan Single(PlanSettings settings, params Piece[] pieces) =>
        Build(settings, pieces, [], null);

    /// <summary>Pre-training pieces, then a switch, then continual pieces.</summary>
    public static EvaluationPlan TwoStage(PlanSettings settings, Piece[] pretraining, Piece[] continual, double replay = 0) =>
        Build(settings, pretraining, continual, replay);

    /// <summary>Unknown pre-training (switch at step 0), then continual pieces.</summary>
    public static EvaluationPlan OpenModel(PlanSettings settings, params Piece[] continual)
    {
        var segments = Segments(continual, 1, 1);
        long total = segments.IsEmpty ? 0 : segments[^1].LastStep;
        var stages = ImmutableArray.Create(
            new Stage(StageKind.UnknownPretraining, General, 1, 0),
            new Stage(StageKind.Continual, Domain, 1, total));
        return new EvaluationPlan("open", 2e-4, null, settings, stages, segments);
    }

    static EvaluationPlan Build(PlanSettings settings, Piece[] pretraining, Piece[] continual, double? replay)
    {
        var pt = Segments(pretraining, 1, 0);
        long tpt = pt.IsEmpty ? 0 : pt[^1].LastStep;
        var stages = ImmutableArray.CreateBuilder<Stage>();
        stages.Add(new Stage(StageKind.Pretraining, General, 1, tpt));
        var segments = pt;
        if (replay is double r)
        {
            var cpt = Segments(continual, tpt + 1, 1);
            segments = pt.AddRange(cpt);
            stages.Add(new Stage(StageKind.Continual, Domain, tpt + 1, segments[^1].LastStep, r));
        }
        return new EvaluationPlan("run", 2e-4, null, settings, stages.ToImmutable(), segments);
    }

    static ImmutableArray<Segment> Segments(Piece[] pieces, long first, int stage)
    {
        var builder = ImmutableArray.CreateBuilder<Segment>();
        foreach (var p in pieces)
        {
            builder.Add(new Segment(first, first + p.Length - 1, stage, p.Phase, p.Kernel));
            first += p.Length;
        }
        return builder.ToImmutable();
    }
}
