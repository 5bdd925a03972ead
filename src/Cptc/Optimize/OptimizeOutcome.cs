using System.Collections.Immutable;
using CptLang.Laws.Planning;
using CptLang.Lowering;

namespace Cptc.Optimize;

/// <summary>What <c>cptc optimize</c> reports: the sweep as it was run (with the objective after
/// --weights), its result, and the turning-length table when asked for.</summary>
internal sealed record OptimizeOutcome(SweepPlan Sweep, SweepProblem Problem, SweepResult Result, ImmutableArray<TurningCell>? Turning)
{
    public long Candidates => Problem.Count;

    /// <summary>The general-domain and new-domain law names (null when the file has none).</summary>
    public string? GeneralLaw => Problem.Laws.Any(l => l.Name == Problem.Family.Base.Pretraining?.Domain) ? Problem.Family.Base.Pretraining!.Domain : null;
    public string? DomainLaw => Problem.Laws.Any(l => l.Name == Problem.Family.Base.Continual?.Domain) ? Problem.Family.Base.Continual!.Domain : null;

    /// <summary>The plan of a candidate (for --emit and --plot).</summary>
    public CptLang.Laws.Schedules.EvaluationPlan PlanOf(CandidateResult candidate) =>
        Problem.Family.Build(Choice.Of(Problem.Axes, candidate.Values.AsSpan()), out _)
        ?? throw new InvalidOperationException("an evaluated candidate no longer builds");
}
