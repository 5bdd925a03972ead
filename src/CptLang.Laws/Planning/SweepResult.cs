using System.Collections.Immutable;

namespace CptLang.Laws.Planning;

/// <summary>What a sweep found.</summary>
/// <param name="Best">The best feasible grid candidates, best first (at most K).</param>
/// <param name="Refined">The best candidate after refining the continuous axes between grid
/// points, when that beat the grid's best; null otherwise.</param>
/// <param name="Front">The Pareto front of general vs domain final loss among feasible
/// candidates, by general loss.</param>
/// <param name="Closest">When nothing is feasible: the candidates that miss the constraints by
/// least, closest first.</param>
/// <param name="Evaluated">Grid candidates evaluated (valid ones).</param>
/// <param name="Invalid">Grid candidates outside the run's family or where a law is undefined.</param>
/// <param name="InvalidReason">Why the first such candidate was invalid.</param>
public sealed record SweepResult(
    ImmutableArray<CandidateResult> Best,
    CandidateResult? Refined,
    ImmutableArray<CandidateResult> Front,
    ImmutableArray<CandidateResult> Closest,
    long Evaluated,
    long Feasible,
    long Invalid,
    string? InvalidReason)
{
    /// <summary>The recommendation: the refined candidate if any, else the grid's best.</summary>
    public CandidateResult? Recommended => Refined ?? (Best.IsEmpty ? null : Best[0]);
}
