namespace CptLang.Laws.Fitting.Uncertainty;

/// <summary>The words of a law block's <c>uncertainty { … }</c> part (docs/language.md §7.8).</summary>
public static class UncertaintyKeys
{
    public const string Part = "uncertainty";
    public const string Runs = "runs";
    public const string Replicates = "replicates";
    public const string Inflation = "inflation";
    public const string Noise = "noise";
    public const string Reach = "reach";
    public const string Scale = "sd";
    public const string Correlation = "corr";

    /// <summary>Every key, in the order <c>cptc fit</c> writes them.</summary>
    public static readonly string[] All = [Runs, Replicates, Inflation, Noise, Reach, Scale, Correlation];

    /// <summary>How many parameter names follow each key.</summary>
    public static int Subjects(string key) => key switch { Scale => 1, Correlation => 2, _ => 0 };
}
