using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;

namespace Cptc.Fit;

/// <summary>What <c>cptc fit</c> reports: the law as written (parameters rounded to the digits
/// of its block), the objective and metrics of exactly that law, per run and pooled.</summary>
public sealed record FitOutcome(
    string Law, LawParameters Parameters, string Block, double Objective, int Points, int FreeParameters, int Starts,
    IReadOnlyList<RunFit> Runs, FitMetrics Fitted, FitMetrics? HeldOut);

/// <summary>The metrics of one run; a held-out run was not used to fit.</summary>
public sealed record RunFit(string Run, bool HeldOut, FitMetrics Metrics);
