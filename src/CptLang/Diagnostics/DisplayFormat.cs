using System.Globalization;
using CptLang.Syntax;

namespace CptLang.Diagnostics;

/// <summary>How numbers and name lists appear in messages: short and culture-invariant
/// (2e-4, not 0.00020000000000000001).</summary>
public static class DisplayFormat
{
    public static string Number(double value) => NumberLiteral.Format(value, NumberSpelling.SixDigits);

    public static string Steps(long steps) => steps.ToString("N0", CultureInfo.InvariantCulture);

    public static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
