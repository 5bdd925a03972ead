using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Fitting;

namespace CptLang.Fitting;

/// <summary>
/// What <see cref="LawFitting.Fit"/> gives back: the fitted law as it is written, each run's
/// observations with the law's losses at them, the rewritten file when asked for, and every
/// diagnostic in the order found (in the .cpt file or in a log).
/// </summary>
/// <param name="Outcome">The fit; null when an error stopped it.</param>
/// <param name="Rewritten">The file with the fitted block in place (<see cref="FitRequest.Write"/>).</param>
/// <param name="RequestError">The request itself is wrong (an option, a run name, a log that cannot be read):
/// nothing in a file to point at.</param>
public sealed record FitResponse(FitOutcome? Outcome, ImmutableArray<FittedRun> Runs, string? Rewritten,
    ImmutableArray<SourceDiagnostic> Diagnostics, Diagnostic? RequestError)
{
    public bool Succeeded => Outcome is not null && RequestError is null;
}

/// <summary>A run's observations, whether they were held out, and the fitted law's loss at each.</summary>
public sealed record FittedRun(FitRun Run, bool HeldOut, double[] Predicted);
