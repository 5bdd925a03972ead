using System.Globalization;

namespace CptLang.Import;

/// <summary>A framework's schedule read back as .cpt phases, and the framework's own per-update LR
/// (to check the phases against on every step).</summary>
public sealed record ImportedSchedule(double PeakLr, IReadOnlyList<string> Phases, Func<long, double> FrameworkLr, long Updates, string Summary);

/// <summary>Phase text as it goes into the .cpt file.</summary>
internal static class PhaseText
{
    /// <summary>Shortest round-trip form, so the .cpt file holds the framework's exact double.</summary>
    public static string Lr(double value) => value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");

    public static string Steps(long n) => n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " step" : " steps");
}
