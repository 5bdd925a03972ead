using System.Globalization;
using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Syntax;
using CptLang.Syntax.Factory;

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
    public static bool IsLawName(string name) => SyntaxFacts.IsValidName(name);

    /// <summary>The block, formatted, ending with a line break.</summary>
    public static string Block(string name, LawParameters parameters, Laws.Fitting.Uncertainty.ParameterUncertainty? uncertainty = null) =>
        SyntaxFactory.Law(name, parameters, SourceStyle.FittedLaw, uncertainty: uncertainty);

    /// <summary>An out-of-domain sum (Eq. 6), <c>law NAME = k1 * A + k2 * B</c>, formatted.</summary>
    public static string Sum(string name, IReadOnlyList<KeyValuePair<string, double>> weights) =>
        SyntaxFactory.WeightedSum(name, weights, SourceStyle.FittedLaw);

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
