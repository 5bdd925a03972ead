using System.Collections.Immutable;
using CptLang.Laws.Laws;
using CptLang.Laws.Planning;
using CptLang.Lowering;

namespace Cptc.Optimize;

/// <summary>What <c>cptc optimize</c> reports: the sweep as it was run (with the objective after
/// --weights), its result, and the turning-length table when asked for.</summary>
internal sealed record OptimizeOutcome(SweepPlan Sweep, SweepProblem Problem, SweepResult Result, ImmutableArray<TurningCell>? Turning)
{
    /// <summary>The recommendation's losses with intervals and its chance to beat the runner-up,
    /// when every objective law has an uncertainty part (docs/optimize.md); else null.</summary>
    public CptLang.Laws.Fitting.Uncertainty.CandidateComparison? Comparison { get; init; }

    /// <summary>The candidate the recommendation is compared with: the best grid candidate that
    /// is not the recommendation itself.</summary>
    public CandidateResult? RunnerUp => Result.Best.FirstOrDefault(c => Result.Recommended is { } r && !c.Values.SequenceEqual(r.Values));

    public long Candidates => Problem.Count;

    /// <summary>The general-domain and new-domain law names (null when the file has none).</summary>
    public string? GeneralLaw => ValidationRoles.LawsOf(Problem.Laws.Select(l => l.Name), Problem.Family.Base).General;
    public string? DomainLaw => ValidationRoles.LawsOf(Problem.Laws.Select(l => l.Name), Problem.Family.Base).Domain;

    /// <summary>The plan of a candidate (for --emit and --plot).</summary>
    public CptLang.Laws.Schedules.EvaluationPlan PlanOf(CandidateResult candidate) =>
        Problem.Family.Build(Choice.Of(Problem.Axes, candidate.Values.AsSpan()), out _)
        ?? throw new InvalidOperationException("an evaluated candidate no longer builds");
}
