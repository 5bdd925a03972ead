using System.Globalization;
using System.Text.RegularExpressions;

namespace CptLang.Diagnostics;

/// <summary>How numbers and name lists appear in messages: short and culture-invariant
/// (2e-4, not 0.00020000000000000001).</summary>
public static partial class DisplayFormat
{
    public static string Number(double value)
    {
        string text = value.ToString("G6", CultureInfo.InvariantCulture);
        return ExponentPattern().Replace(text, m => "e" + (m.Groups[1].Value == "-" ? "-" : "") + m.Groups[2].Value.TrimStart('0'));
    }

    public static string Steps(long steps) => steps.ToString("N0", CultureInfo.InvariantCulture);

    public static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    [GeneratedRegex(@"E([+-])(\d+)")]
    private static partial Regex ExponentPattern();
}
