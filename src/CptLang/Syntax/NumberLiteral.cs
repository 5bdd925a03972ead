using System.Globalization;
using System.Text.RegularExpressions;

namespace CptLang.Syntax;

/// <summary>
/// The spellings of a number that cptc's writers use. Each writer kept its own, so that its output
/// stays byte-identical; they differ in digits and in how the exponent is written.
/// </summary>
public enum NumberSpelling
{
    /// <summary>The shortest text that round-trips (3e-05, 1e+20): the exact double.</summary>
    RoundTrip,
    /// <summary>15 significant digits (8.36e-05, not 8.359999999999997e-05): what `cptc import`
    /// writes, since a computed LR carries rounding noise in its last digits; the import is then
    /// checked on every update, so the rounding (≤ 5e-16 relative) is proven harmless.</summary>
    FifteenDigits,
    /// <summary>Ten significant digits, no '+' in the exponent (6.560406948e-05, 1e10): `optimize --emit`,
    /// whose LRs are sums of doubles with noise in the last digits.</summary>
    TenDigits,
    /// <summary>Six significant digits, exponent without '+' or leading zeros (2e-5): fitted laws (the
    /// digits `cptc fit` reports) and numbers in messages.</summary>
    SixDigits,
}

/// <summary>A NUMBER token's text and its value: digits with optional '_' separators, fraction,
/// exponent, and a scale suffix k/M/B (1e3/1e6/1e9); docs/language.md §1.</summary>
internal static partial class NumberLiteral
{
    public static bool HasScaleSuffix(string text) => text.Length > 0 && text[^1] is 'k' or 'M' or 'B';

    /// <summary>The value, or +∞ when it overflows a double (the caller reports it).</summary>
    public static double Parse(string text) => TryParse(text, out double value) ? value : double.PositiveInfinity;

    /// <summary>Reads a number with the language's suffix and separators. As lenient as
    /// <see cref="double.TryParse(string?, NumberStyles, IFormatProvider?, out double)"/> with
    /// <see cref="NumberStyles.Float"/> (signs, surrounding spaces): the lexer, not this, decides what
    /// a NUMBER token is, and the CLI's <c>--at 40k</c> has always read this way. Overflow gives ±∞.</summary>
    public static bool TryParse(string text, out double value)
    {
        double scale = 1;
        if (HasScaleSuffix(text))
        {
            scale = text[^1] switch { 'k' => 1e3, 'M' => 1e6, _ => 1e9 };
            text = text[..^1];
        }
        if (!double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        value *= scale;
        return true;
    }

    /// <summary><paramref name="value"/> as source text, culture-invariant.</summary>
    public static string Format(double value, NumberSpelling spelling = NumberSpelling.RoundTrip) => spelling switch
    {
        NumberSpelling.RoundTrip => value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e"),
        NumberSpelling.TenDigits => value.ToString("G10", CultureInfo.InvariantCulture).Replace("E", "e").Replace("e+", "e"),
        NumberSpelling.FifteenDigits => value.ToString("G15", CultureInfo.InvariantCulture).Replace("E", "e"),
        _ => ShortExponent().Replace(value.ToString("G6", CultureInfo.InvariantCulture),
            m => "e" + (m.Groups[1].Value == "-" ? "-" : "") + m.Groups[2].Value.TrimStart('0')),
    };

    [GeneratedRegex(@"E([+-])(\d+)")]
    private static partial Regex ShortExponent();
}
