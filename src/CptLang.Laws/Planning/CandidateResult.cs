using System.Collections.Immutable;
using CptLang.Laws.Derived;

namespace CptLang.Laws.Planning;

/// <summary>
/// One evaluated candidate. <see cref="Index"/> is its position in the grid (−1 for a refined
/// candidate, whose values may lie between grid points). <see cref="Violation"/> is 0 when it
/// meets every constraint; otherwise the summed relative excess, which ranks the closest ones.
/// </summary>
public sealed record CandidateResult(
    long Index,
    ImmutableArray<double> Values,
    double Objective,
    ImmutableArray<double> ObjectiveLosses,
    double? GeneralLoss,
    double? DomainLoss,
    TurningLength? Turning,
    double? LossPotential,
    long CptSteps,
    double Violation,
    ImmutableArray<string> Violations)
{
    public bool IsFeasible => Violation == 0;
}
