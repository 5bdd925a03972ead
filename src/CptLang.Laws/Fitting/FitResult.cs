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
    ImmutableArray<string> OnBound, ImmutableArray<string> Unobserved);
