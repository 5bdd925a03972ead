using System.Globalization;

namespace Cptc;

/// <summary>Numbers in report tables: fixed-point as usual, but a huge value (a law far outside its
/// range predicts 1e148) in exponent form, so a table never prints a 300-digit number.</summary>
internal static class Figures
{
    public static string Fixed(double value, int digits) =>
        Math.Abs(value) >= 1e9 ? value.ToString("0." + new string('#', digits) + "E+0", CultureInfo.InvariantCulture)
            : value.ToString("F" + digits, CultureInfo.InvariantCulture);
}
