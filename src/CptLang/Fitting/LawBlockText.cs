using System.Globalization;
using CptLang.Diagnostics;
using CptLang.Formatting;
using CptLang.Laws.Laws;
using CptLang.Syntax;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Fitting;

/// <summary>
/// A fitted law as a <c>.cpt</c> block in <c>cptc fmt</c>'s layout, and the file rewritten with
/// it: the block <c>law NAME { … }</c> replaces the declaration of that name (or is appended),
/// and every other byte of the file stays as it was.
/// </summary>
public static class LawBlockText
{
    /// <summary>Parameters rounded to the 6 significant digits the block is written with, so
    /// that the metrics cptc reports are those of the law it writes.</summary>
    public static double Rounded(double value) =>
        double.Parse(DisplayFormat.Number(value), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="name"/> can name a law in a .cpt file.</summary>
    public static bool IsLawName(string name)
    {
        var tree = SyntaxTree.Parse($"law {name} {{ L0 = 1 }}");
        return !tree.Diagnostics.Any() && tree.Root.Members is [LawDeclarationSyntax law] && law.Name.Text == name;
    }

    /// <summary>The block, formatted, ending with a line break. Parameters are grouped by term,
    /// as the docs write them.</summary>
    public static string Block(string name, LawParameters parameters)
    {
        string[][] lines = [[L0, A, Alpha], [C, C1, C2], [B, E, Beta], [A1, A2], [N, F], [Gamma1, Gamma2, Gamma3], [S1pt]];
        var text = new System.Text.StringBuilder($"law {name} {{\n");
        foreach (var line in lines)
        {
            var present = line.Where(p => parameters.TryGet(p, out _)).Select(p => $"{p} = {Value(p, parameters[p])}").ToList();
            if (present.Count > 0) text.Append("  ").AppendJoin("  ", present).Append('\n');
        }
        text.Append("}\n");
        return Formatter.Format(SyntaxTree.Parse(text.ToString()));
    }

    /// <summary>A value as a block writes it: N (millions in the law) as a parameter count with
    /// the M suffix, as the language reads it; the others plain.</summary>
    static string Value(string parameter, double value) =>
        parameter == N ? DisplayFormat.Number(value) + "M" : DisplayFormat.Number(value);

    /// <summary>An out-of-domain sum (Eq. 6), <c>law NAME = k1 * A + k2 * B</c>, formatted.</summary>
    public static string Sum(string name, IReadOnlyList<KeyValuePair<string, double>> weights)
    {
        var text = new System.Text.StringBuilder($"law {name} =");
        for (int i = 0; i < weights.Count; i++)
        {
            var (law, weight) = weights[i];
            string sign = weight < 0 ? "-" : i == 0 ? "" : "+";
            text.Append(' ').Append(sign).Append(sign.Length > 0 ? " " : "").Append(DisplayFormat.Number(Math.Abs(weight))).Append(" * ").Append(law);
        }
        return Formatter.Format(SyntaxTree.Parse(text.Append('\n').ToString()));
    }

    /// <summary><paramref name="source"/> with law <paramref name="name"/>'s declaration replaced
    /// by <paramref name="block"/>, or with the block appended after a blank line.</summary>
    public static string Rewrite(SyntaxTree tree, string name, string block)
    {
        string source = tree.Text.Text;
        // the block takes the file's line breaks
        string newline = source.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var existing = tree.Root.Members.OfType<LawDeclarationSyntax>().FirstOrDefault(l => l.Name.Text == name);
        if (existing is not null)
        {
            var span = existing.Span;
            return source[..span.Start] + block.TrimEnd('\n').Replace("\n", newline, StringComparison.Ordinal) + source[span.End..];
        }
        if (source.Trim().Length == 0) return block;
        string separator = source.EndsWith('\n') ? newline : newline + newline;
        return source + separator + block.Replace("\n", newline, StringComparison.Ordinal);
    }
}
