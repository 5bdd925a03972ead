using System.Collections.Immutable;
using CptLang.Binding;
using CptLang.Laws.Schedules;

namespace CptLang.Lowering;

/// <summary>
/// Bound run → <see cref="EvaluationPlan"/>: one segment per phase that has steps, LRs folded to
/// numbers, lengths to steps; drops vanish into the jump they cause at the next segment.
/// </summary>
internal static class Lowerer
{
    public static EvaluationPlan Lower(BoundRun run)
    {
        var stages = ImmutableArray.CreateBuilder<Stage>();
        var segments = ImmutableArray.CreateBuilder<Segment>();
        foreach (var stage in run.Stages)
        {
            int index = stages.Count;
            stages.Add(new Stage(stage.Kind, stage.Domain, stage.FirstStep, stage.LastStep, stage.ReplayRatio));
            foreach (var phase in stage.Phases.Where(p => p.Length > 0))
                segments.Add(new Segment(phase.FirstStep, phase.LastStep, index, PhaseKindOf(phase.Kind), phase.Kernel));
        }
        return new EvaluationPlan(run.Name, run.PeakLr, run.TokensPerStep, run.Settings, stages.ToImmutable(), segments.ToImmutable());
    }

    static PhaseKind PhaseKindOf(BoundPhaseKind kind) => kind switch
    {
        BoundPhaseKind.Warmup => PhaseKind.Warmup,
        BoundPhaseKind.Stable => PhaseKind.Stable,
        _ => PhaseKind.Decay,
    };
}
