using CptLang.Laws.Fitting;

namespace CptLang.Fitting;

/// <summary>What <c>cptc fit</c> reports: the law as written (parameters rounded to the digits
/// of its block), the objective and metrics of exactly that law, per run and pooled.</summary>
/// <param name="Form">The form's keyword (<c>eq1</c>, <c>eq4</c>, …) or <c>weighted-sum</c>.</param>
/// <param name="Parameters">Parameter (or, for a weighted sum, summed law) and value, in order.</param>
/// <param name="ObjectiveKind">What <paramref name="Objective"/> measures, in words.</param>
/// <param name="Starts">Starting points of the search; null for a closed-form fit.</param>
/// <param name="Note">One line the user needs to read the block right (the size a model-size
/// block predicts for), or null.</param>
public sealed record FitOutcome(
    string Law, string Form, IReadOnlyList<KeyValuePair<string, double>> Parameters, string Block,
    double Objective, string ObjectiveKind, int Points, int FreeParameters, int? Starts,
    IReadOnlyList<RunFit> Runs, FitMetrics Fitted, FitMetrics? HeldOut, string? Note = null)
{
    /// <summary>Further lines the report prints under the objective (shared rows, lambda).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Logged rows that repeat a fitted run's row and were counted once.</summary>
    public int SharedRows { get; init; }

    /// <summary>Logged rows left out for lying in a run's initial warmup (<see cref="Fitting.WarmupRows"/>).</summary>
    public int WarmupRows { get; init; }

    /// <summary>Logged rows at step 0, before the first update, left out (<see cref="Fitting.WarmupRows"/>).</summary>
    public int StepZeroRows { get; init; }

    /// <summary>The lambda the law was fitted with when <c>--fit-lambda</c> chose it.</summary>
    public double? Lambda { get; init; }

    /// <summary>The prior that regularised the fit and its strength (the Multi-Power Law), or null.</summary>
    public FitRegularisation? Regularisation { get; init; }

    /// <summary>The forms <c>--form auto</c> compared, and the one it chose.</summary>
    public FormSelection? Selection { get; init; }

    /// <summary>The parameters' uncertainty as written in the block (docs/laws.md §9.1), or null
    /// when none was estimated (a weighted sum, <c>--replicates 0</c>, too few points).</summary>
    public Laws.Fitting.Uncertainty.ParameterUncertainty? Uncertainty { get; init; }
}

/// <summary>The metrics of one run; a held-out run was not used to fit.</summary>
public sealed record RunFit(string Run, bool HeldOut, FitMetrics Metrics);
