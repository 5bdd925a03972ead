using CptLang.Diagnostics;
using CptLang.Syntax;

namespace CptLang.Binding;

/// <summary>A number as written: its value (sign applied, suffix scaled) and how it was written.</summary>
internal readonly record struct Quantity(double Value, bool IsPercent, bool HasSuffix);

/// <summary>
/// Turns <see cref="ValueSyntax"/> into numbers of a given meaning (an LR, a step count, a ratio,
/// a law parameter), reporting what does not fit at the value's span. Values inside nodes that
/// error recovery completed are skipped silently: the parser has reported them.
/// </summary>
internal sealed class ValueBinder(DiagnosticBag diagnostics)
{
    /// <summary>Largest absolute value cptc accepts; beyond it arithmetic stops being exact
    /// enough to count steps.</summary>
    const double MaxMagnitude = 1e300;

    public Quantity? Number(ValueSyntax value, string what)
    {
        if (value.ContainsMissing) return null;
        switch (value)
        {
            case WordValueSyntax word:
                diagnostics.Add(DiagnosticBuilder.At(value.Span).NotANumber(word.Word.Text, what));
                return null;
            case NumberValueSyntax number:
                double v = NumberLiteral.Parse(number.Number.Text);
                if (!double.IsFinite(v) || Math.Abs(v) > MaxMagnitude)
                {
                    diagnostics.Add(DiagnosticBuilder.At(value.Span).NumberOutOfRange(number.Number.Text));
                    return null;
                }
                if (number.Minus is not null) v = -v;
                return new Quantity(v, number.Percent is not null, NumberLiteral.HasScaleSuffix(number.Number.Text));
            default:
                return null;
        }
    }

    /// <summary>A plain number: no %; suffixes allowed only when <paramref name="allowSuffix"/>.</summary>
    public double? Plain(ValueSyntax value, string what, bool allowSuffix = true)
    {
        if (Number(value, what) is not { } q) return null;
        if (q.IsPercent) { diagnostics.Add(DiagnosticBuilder.At(value.Span).PercentNotAllowed(what)); return null; }
        if (q.HasSuffix && !allowSuffix) { diagnostics.Add(DiagnosticBuilder.At(value.Span).SuffixNotAllowed(what)); return null; }
        return q.Value;
    }

    /// <summary>Absolute LRs below this are warned about (CPT2040).</summary>
    public const double MinPlausibleLearningRate = 1e-10;

    /// <summary>A learning rate: absolute, or % of <paramref name="peakLr"/>; never negative.</summary>
    public double? LearningRate(ValueSyntax value, double? peakLr)
    {
        if (Number(value, "a learning rate") is not { } q) return null;
        if (q.HasSuffix) { diagnostics.Add(DiagnosticBuilder.At(value.Span).SuffixNotAllowed("a learning rate")); return null; }
        double lr = q.IsPercent ? (peakLr is { } peak ? PercentOf(q.Value, peak) : double.NaN) : q.Value;
        if (double.IsNaN(lr)) return null; // % without a valid peak_lr: the missing peak_lr is reported
        if (lr < 0) { diagnostics.Add(DiagnosticBuilder.At(value.Span).NegativeLearningRate(lr)); return null; }
        if (!q.IsPercent && lr > 1) diagnostics.Add(DiagnosticBuilder.At(value.Span).UnusuallyLargeLearningRate(lr));
        // the laws raise the LR area to powers: an LR such as 1e-300 predicts losses of 1e148
        if (!q.IsPercent && lr > 0 && lr < MinPlausibleLearningRate) diagnostics.Add(DiagnosticBuilder.At(value.Span).UnusuallySmallLearningRate(lr, MinPlausibleLearningRate));
        return lr;
    }

    /// <summary>A fraction in [0, 1), written as 0.25 or 25%.</summary>
    public double? Ratio(ValueSyntax value)
    {
        if (Number(value, "a replay ratio") is not { } q) return null;
        if (q.HasSuffix) { diagnostics.Add(DiagnosticBuilder.At(value.Span).SuffixNotAllowed("a replay ratio")); return null; }
        double ratio = q.IsPercent ? q.Value / 100 : q.Value;
        if (ratio < 0 || ratio >= 1) { diagnostics.Add(DiagnosticBuilder.At(value.Span).ReplayOutOfRange(ratio)); return null; }
        return ratio;
    }

    /// <summary>A count of steps or tokens: positive; a whole number when <paramref name="whole"/>.</summary>
    public double? Count(ValueSyntax value, string what, bool whole)
    {
        if (Plain(value, what) is not { } v) return null;
        if (v <= 0) { diagnostics.Add(DiagnosticBuilder.At(value.Span).NonPositiveLength(v)); return null; }
        if (whole && Math.Floor(v) != v) { diagnostics.Add(DiagnosticBuilder.At(value.Span).NotWholeNumber(what, v)); return null; }
        return v;
    }

    /// <summary><paramref name="percent"/>% of <paramref name="of"/>, in decimal arithmetic where it is
    /// exact, so that 30% of 3e-4 is the double nearest 9e-5, as written, not 8.999999999999999e-5.</summary>
    internal static double PercentOf(double percent, double of)
    {
        static bool Decimalish(double x) => x == 0 || (Math.Abs(x) > 1e-20 && Math.Abs(x) < 1e20);
        if (Decimalish(percent) && Decimalish(of))
            return (double)((decimal)percent * (decimal)of / 100m);
        return percent / 100 * of;
    }

    public static string TextOf(ValueSyntax value) => value switch
    {
        WordValueSyntax w => w.Word.Text,
        NumberValueSyntax n => (n.Minus is null ? "" : "-") + n.Number.Text + (n.Percent is null ? "" : "%"),
        _ => "",
    };
}
