using CptLang.Formatting;
using CptLang.Laws.Fitting.Uncertainty;
using CptLang.Laws.Laws;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Syntax.Factory;

/// <summary>
/// Builds .cpt source from typed pieces: runs (optimize --emit, import) and laws (fit). The text
/// goes through <see cref="Formatter"/>, so it is in <c>cptc fmt</c>'s layout. Names must be
/// valid (<see cref="SyntaxFacts.IsValidName"/>).
/// </summary>
public static class SyntaxFactory
{
    /// <summary>Parameters a block writes on one line: grouped by term, as docs/laws.md writes them.</summary>
    static readonly string[][] MultiPowerLines = [[L0, A, Alpha], [B, C, Beta, Gamma]];
    static readonly string[][] ParameterLines = [[L0, A, Alpha], [C, C1, C2], [B, E, Beta], [A1, A2], [N, F], [Gamma1, Gamma2, Gamma3], [S1pt]];

    public static string Run(SourceRun run, SourceStyle style, IEnumerable<string>? comments = null)
    {
        var writer = new SourceWriter(style, comments);
        writer.Run(run);
        return writer.Formatted();
    }

    /// <summary><c>law NAME { P = V … }</c>; N (millions in the law) is written as a parameter count with the M suffix.</summary>
    public static string Law(string name, LawParameters parameters, SourceStyle style, IEnumerable<string>? comments = null,
        ParameterUncertainty? uncertainty = null)
    {
        var writer = new SourceWriter(style, comments);
        // the Multi-Power Law names its form: its B C beta are not Eq. 4's (docs/language.md §7.2)
        bool mpl = parameters.Form == LawForm.MultiPower;
        writer.Line(mpl ? $"law {name} {LawForms.Keyword(LawForm.MultiPower)} {{" : $"law {name} {{");
        foreach (var line in mpl ? MultiPowerLines : ParameterLines)
        {
            var present = line.Where(p => parameters.TryGet(p, out _))
                .Select(p => $"{p} = {writer.Number(parameters[p])}{(p == N ? "M" : "")}").ToList();
            if (present.Count > 0) writer.Line("  " + string.Join("  ", present));
        }
        // the law's own momentum decay of the annealing area, when it has one (docs/language.md §7.2)
        if (parameters.Lambda is { } lambda) writer.Line($"  lambda = {writer.Number(lambda)}");
        if (uncertainty is not null) Uncertainty(writer, uncertainty);
        writer.Line("}");
        return writer.Formatted();
    }

    /// <summary>The <c>uncertainty { … }</c> part (docs/language.md §7.8): the evidence, the noise,
    /// the fitted rows' reach, a scale per parameter, then each correlation once (upper triangle, row by row).</summary>
    static void Uncertainty(SourceWriter writer, ParameterUncertainty u)
    {
        writer.Line($"  {UncertaintyKeys.Part} {{");
        writer.Line($"    {UncertaintyKeys.Runs} = {u.Runs}");
        writer.Line($"    {UncertaintyKeys.Replicates} = {u.Replicates}");
        writer.Line($"    {UncertaintyKeys.Inflation} = {writer.Number(u.Inflation)}");
        writer.Line($"    {UncertaintyKeys.Noise} = {writer.Number(u.Noise)}");
        if (u.Reach is { } reach) writer.Line($"    {UncertaintyKeys.Reach} = {writer.Number(reach)}");
        foreach (var (parameter, scale) in u.Scales) writer.Line($"    {UncertaintyKeys.Scale} {parameter} = {writer.Number(scale)}");
        for (int i = 0; i < u.Count; i++)
            for (int j = i + 1; j < u.Count; j++)
                writer.Line($"    {UncertaintyKeys.Correlation} {u.Scales[i].Key} {u.Scales[j].Key} = {writer.Number(u.CorrelationOf(i, j))}");
        writer.Line("  }");
    }

    /// <summary>An out-of-domain sum (docs/language.md §7.6), <c>law NAME = k1 * A - k2 * B</c>.</summary>
    public static string WeightedSum(string name, IReadOnlyList<KeyValuePair<string, double>> weights, SourceStyle style, IEnumerable<string>? comments = null)
    {
        var writer = new SourceWriter(style, comments);
        var terms = weights.Select((w, i) =>
        {
            string sign = w.Value < 0 ? "- " : i == 0 ? "" : "+ ";
            return $" {sign}{writer.Number(Math.Abs(w.Value))} * {w.Key}";
        });
        writer.Line($"law {name} ={string.Concat(terms)}");
        return writer.Formatted();
    }
}
