using CptLang.Diagnostics;
using CptLang.Laws.Fitting.Uncertainty;

namespace CptLang.Fitting;

/// <summary>An uncertainty rounded to the digits its block is written with, so that what
/// <c>cptc fit</c> reports is what <c>cptc predict</c> reads back. Rounding can leave a nearly
/// singular correlation matrix not positive definite; the correlations are then shrunk toward 0
/// by 1 % at a time until it is (never more than needed).</summary>
internal static class UncertaintyRounding
{
    public static ParameterUncertainty AsWritten(ParameterUncertainty u)
    {
        for (double shrink = 1; shrink > 0.5; shrink -= 0.01)
        {
            var rounded = u with
            {
                Scales = [.. u.Scales.Select(s => KeyValuePair.Create(s.Key, LawBlockText.Rounded(s.Value)))],
                Correlation = [.. u.Correlation.Select((c, i) => i / u.Count == i % u.Count ? 1 : LawBlockText.Rounded(c * shrink))],
                Noise = LawBlockText.Rounded(u.Noise),
                Inflation = LawBlockText.Rounded(u.Inflation),
            };
            if (rounded.CholeskyFactor() is not null) return rounded;
        }
        // a correlation that needs more than halving is not an estimate worth keeping
        return u with { Correlation = [.. u.Correlation.Select((_, i) => i / u.Count == i % u.Count ? 1.0 : 0.0)] };
    }
}
