using System.Collections.Immutable;
using CptLang.Binding;
using CptLang.Laws.Schedules;

namespace CptLang.Export;

/// <summary>
/// One stage of a run as a framework sees it: a schedule of its own whose updates count from 1
/// (local step <c>k</c> is the run's step <c>FirstStep − 1 + k</c>). A framework config covers one
/// stage; a two-stage run resumes the second stage from the checkpoint of <see cref="ResumeFromStep"/>.
/// The bound phases give export diagnostics their spans.
/// </summary>
public sealed record StageSchedule(EvaluationPlan Plan, int Index, BoundStage Bound)
{
    public Stage Stage => Plan.Stages[Index];
    public string Domain => Stage.Domain;
    public long FirstStep => Stage.FirstStep;
    public long LastStep => Stage.LastStep;
    public long Length => Stage.Length;

    /// <summary>The run's step whose checkpoint this stage starts from (0 for the first stage).</summary>
    public long ResumeFromStep => FirstStep - 1;

    /// <summary>The phases with steps, in order (drops have none).</summary>
    public ImmutableArray<BoundPhase> Phases => [.. Bound.Phases.Where(p => p.Length > 0)];

    /// <summary>cptc's LR of the stage's <paramref name="local"/>-th update (1-based).</summary>
    public double LearningRate(long local) => Plan.LearningRate(FirstStep - 1 + local);

    /// <summary>The stage's local step of a run step.</summary>
    public long Local(long step) => step - FirstStep + 1;

    /// <summary>The stage's peak: the highest end of any of its phases (a decay that opens the stage
    /// starts from it), which frameworks call the max or base LR.</summary>
    public double PeakLr => Phases.Max(p => Math.Max(p.Kernel.From, p.Kernel.To));

    /// <summary>The stages of a plan that have steps (an unknown pre-training stage has none).</summary>
    public static ImmutableArray<StageSchedule> Of(EvaluationPlan plan, BoundRun run) =>
        [.. Enumerable.Range(0, plan.Stages.Length).Where(i => plan.Stages[i].Length > 0).Select(i => new StageSchedule(plan, i, run.Stages[i]))];
}
