using System.Globalization;

namespace CptLang.LanguageServer.Analysis;

/// <summary>How the editor shows numbers: steps with thousands separators, LRs short.</summary>
internal static class Numbers
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Steps(long step) => step.ToString("N0", Invariant);

    public static string StepRange(long first, long last) => $"{Steps(first)}–{Steps(last)}";

    public static string Lr(double lr) => lr == 0 ? "0"
        : Math.Abs(lr) < 1e-3 ? lr.ToString("0.####e0", Invariant)
        : lr.ToString("G5", Invariant);

    public static string Loss(double loss) => loss.ToString("0.00000", Invariant);

    public static string Value(double value) => value.ToString("G6", Invariant);

    /// <summary>A token count with the language's suffixes: 144B, 4.2M, 500k.</summary>
    public static string Count(double count)
    {
        foreach (var (scale, suffix) in new[] { (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k") })
            if (Math.Abs(count) >= scale) return (count / scale).ToString("0.##", Invariant) + suffix;
        return count.ToString("0.##", Invariant);
    }
}
