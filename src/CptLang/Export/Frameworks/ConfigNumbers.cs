using System.Globalization;

namespace CptLang.Export.Frameworks;

/// <summary>Numbers in exported settings: shortest round-trip form, so the framework reads back
/// exactly the double cptc checked.</summary>
internal static class ConfigNumbers
{
    public static string Real(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
        // Python and TOML read "2E-04" fine, but "1" would be an integer in TOML; keep reals real
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
