using System.Globalization;

namespace CptLang.Predicting;

/// <summary>Parses one entry of a step list such as <c>--at 1000,40k,50000</c> (k/M/B suffixes as in .cpt files).</summary>
public static class StepList
{
    /// <summary>One step, or null when the text is not a whole number of steps.</summary>
    public static long? ParseStep(string text)
    {
        double scale = 1;
        if (text.Length > 1 && text[^1] is 'k' or 'M' or 'B')
        {
            scale = text[^1] switch { 'k' => 1e3, 'M' => 1e6, _ => 1e9 };
            text = text[..^1];
        }
        if (!double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return null;
        value *= scale;
        return Math.Floor(value) == value && Math.Abs(value) < 9e15 ? (long)value : null;
    }
}
