using System.Collections.Immutable;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Fitting;

/// <summary>The best fit of a multi-start search.</summary>
/// <param name="Objective">The Huber objective (docs/laws.md §9) at <paramref name="Parameters"/>.</param>
/// <param name="Points">Observations fitted, over all runs.</param>
/// <param name="FreeParameters">How many parameters were fitted (not fixed).</param>
/// <param name="Starts">Starting points tried.</param>
/// <param name="OnBound">Fitted parameters that ended on a bound of docs/laws.md §9.</param>
/// <param name="Unobserved">Fitted parameters on which no observation depends (e.g. the
/// distribution-shift parameters when no run switches): their values are arbitrary.</param>
public sealed record FitResult(
    LawParameters Parameters, double Objective, int Points, int FreeParameters, int Starts,
    ImmutableArray<string> OnBound, ImmutableArray<string> Unobserved)
{
    /// <summary>The prior that regularised the fit and how its strength was chosen (forms with a
    /// <see cref="FitForm.PriorFor"/> only; docs/laws.md §9).</summary>
    public FitRegularisation? Regularisation { get; init; }
}

/// <summary>The prior a fit used: <paramref name="Strength"/> of <paramref name="Prior"/>, chosen by
/// leave-one-run-out prediction (<paramref name="Scores"/>, one per strength tried; empty when
/// there were too few runs to leave one out and the prior's default was used).</summary>
public sealed record FitRegularisation(FitPrior Prior, double Strength, IReadOnlyList<PriorScore> Scores);

/// <summary>A prior strength and its leave-one-run-out mean absolute error (NaN: no finite prediction).</summary>
public sealed record PriorScore(double Strength, double Mae);
