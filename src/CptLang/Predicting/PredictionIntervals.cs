using System.Collections.Immutable;
using System.Globalization;
using CptLang.Diagnostics;
using CptLang.Laws.Fitting.Uncertainty;
using CptLang.Laws.Laws;

namespace CptLang.Predicting;

/// <summary>One law's band at the steps asked for: where a logged loss is expected to fall
/// with probability <see cref="PredictionIntervals.Level"/> (docs/laws.md §9.1).</summary>
public sealed record LawInterval(string Law, ImmutableArray<double> Lower, ImmutableArray<double> Upper);

/// <summary>
/// <c>cptc predict --interval LEVEL</c>: a band per law of a prediction, from the law's
/// <c>uncertainty</c> part, linearised through its gradient, plus the observation noise (a band
/// for logged points, not for the mean curve). A law without that part keeps its point
/// predictions and gets one warning (CPT4215). Deterministic: no random draws.
/// </summary>
public sealed record PredictionIntervals(double Level, ImmutableArray<LawInterval?> Laws)
{
    /// <summary>A level from the command line: a number strictly between 0 and 1.</summary>
    public static (double Level, Diagnostic? Error) ParseLevel(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double level) && level > 0 && level < 1
            ? (level, null)
            : (0, DiagnosticBuilder.At(default).InvalidIntervalLevel(option, text));

    /// <summary>The bands of every law of <paramref name="prediction"/> at its table's rows, or
    /// at <paramref name="steps"/> (their losses in <paramref name="table"/>) for a plot.</summary>
    public static (PredictionIntervals Intervals, ImmutableArray<Diagnostic> Warnings) Compute(
        Compilation compilation, Prediction prediction, double level, LossTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(prediction);
        table ??= prediction.Table;
        var steps = Enumerable.Range(0, table.Count).Select(r => table.Areas.StepAt(r)).ToArray();
        var laws = ImmutableArray.CreateBuilder<LawInterval?>();
        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        var (furthestStep, furthestArea) = Furthest(table.Areas);
        foreach (var (law, index) in table.Laws.Select((l, i) => (l, i)))
        {
            var bound = compilation.Bound.Laws.FirstOrDefault(b => b.Name == law.Name);
            if (bound is { Definition: ParametricLaw { Parameters: var point }, Uncertainty: { } uncertainty } && table.IsDefined(index))
            {
                var (lower, upper) = IntervalPredictor.Band(prediction.Predictor.Areas, law.Name, point, uncertainty, steps, table.Loss(index), level);
                laws.Add(new LawInterval(law.Name, [.. lower], [.. upper]));
                if (BeyondReach(compilation, law.Name, uncertainty, prediction.Plan.Run, furthestStep, furthestArea) is { } beyond) warnings.Add(beyond);
                continue;
            }
            laws.Add(null);
            string why = bound?.Definition is WeightedSumLaw ? "it is a weighted sum of other laws, and its weights carry no uncertainty"
                : bound?.Syntax.Expression is not null ? "it is a published parameter set, which states no uncertainty"
                : "its block has no `uncertainty { … }` part";
            warnings.Add(DiagnosticBuilder.At(LawDiagnostics.SpanOf(compilation, law.Name)).LawWithoutUncertainty(law.Name, why));
        }
        return (new PredictionIntervals(level, laws.ToImmutable()), warnings.ToImmutable());
    }

    /// <summary>Extrapolation past the fitted rows by more than this share of their reach is
    /// reported: the leave-one-run-out inflation saw runs no longer than the fitted ones.</summary>
    public const double ReachMargin = 0.1;

    /// <summary>The row furthest along the LR area (<c>S1</c>): its step and forward area.</summary>
    static (long Step, double Area) Furthest(Laws.Areas.AreaTable areas)
    {
        (long Step, double Area) furthest = (0, 0);
        for (int r = 0; r < areas.Count; r++)
        {
            double s1 = areas.S1pt[r] + areas.S1cpt[r];
            if (s1 > furthest.Area) furthest = (areas.StepAt(r), s1);
        }
        return furthest;
    }

    /// <summary>CPT4216 when run <paramref name="run"/> at <paramref name="step"/>, forward area
    /// <paramref name="area"/>, is more than <see cref="ReachMargin"/> beyond the law's fitted rows.</summary>
    public static Diagnostic? BeyondReach(Compilation compilation, string law, ParameterUncertainty uncertainty, string run, long step, double area)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(uncertainty);
        if (uncertainty.Reach is not { } reach || !(area > reach * (1 + ReachMargin))) return null;
        return DiagnosticBuilder.At(LawDiagnostics.SpanOf(compilation, law)).IntervalBeyondReach(law, run, DisplayFormat.Steps(step), area, area / reach, reach);
    }
}
