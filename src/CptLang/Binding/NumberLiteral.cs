using System.Globalization;

namespace CptLang.Binding;

/// <summary>Reads a NUMBER token: digits with optional '_' separators, fraction, exponent, and a
/// scale suffix k/M/B (1e3/1e6/1e9).</summary>
public static class NumberLiteral
{
    public static bool HasScaleSuffix(string text) => text.Length > 0 && text[^1] is 'k' or 'M' or 'B';

    /// <summary>The value, or +∞ when it overflows a double (the caller reports it).</summary>
    public static double Parse(string text)
    {
        double scale = 1;
        if (HasScaleSuffix(text))
        {
            scale = text[^1] switch { 'k' => 1e3, 'M' => 1e6, _ => 1e9 };
            text = text[..^1];
        }
        text = text.Replace("_", "");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            return double.PositiveInfinity;
        return value * scale;
    }
}
