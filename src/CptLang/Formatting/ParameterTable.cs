using System.Collections.Immutable;
using CptLang.Syntax;

namespace CptLang.Formatting;

/// <summary>
/// Law parameters keep the grouping of the source (parameters written on one line stay on one
/// line) and are aligned as a table: the k-th parameter of every line starts in the same column,
/// two spaces after the widest (k−1)-th parameter of the lines that have a k-th.
/// </summary>
internal static class ParameterTable
{
    public static void Write(LineWriter writer, ImmutableArray<ParameterSyntax> parameters)
    {
        if (parameters.Any(HasInnerComments))
        {
            // comments inside a parameter: no table, one parameter per line keeps them all
            foreach (var parameter in parameters)
            {
                var tokens = parameter.DescendantTokens().ToList();
                writer.Leading(tokens[0]);
                writer.Line(tokens, parameter.Value is NumberValueSyntax { Minus: { } minus } ? new HashSet<SyntaxToken> { minus } : null);
            }
            return;
        }
        var rows = Rows(parameters);
        var columns = Columns(rows.Select(r => r.Select(Cell).ToList()).ToList());
        foreach (var row in rows)
        {
            writer.Leading(row[0].Name);
            int start = -1;
            for (int k = 0; k < row.Count; k++)
            {
                if (k == 0) { writer.Append(""); start = writer.LineLength; }
                else writer.PadTo(start + columns[k]);
                writer.Append(Cell(row[k]));
            }
            writer.EndLine(row[^1].Value.LastToken!);
        }
    }

    /// <summary>Parameters grouped by the source line their name starts on.</summary>
    static List<List<ParameterSyntax>> Rows(ImmutableArray<ParameterSyntax> parameters)
    {
        var rows = new List<List<ParameterSyntax>>();
        ParameterSyntax? previous = null;
        foreach (var parameter in parameters)
        {
            bool newLine = previous is null
                || previous.Value.LastToken!.TrailingTrivia.Any(t => t.Kind == SyntaxKind.EndOfLineTrivia || t.IsComment)
                || parameter.Name.LeadingTrivia.Any(t => t.Kind == SyntaxKind.EndOfLineTrivia || t.IsComment);
            if (newLine) rows.Add([]);
            rows[^1].Add(parameter);
            previous = parameter;
        }
        return rows;
    }

    static int[] Columns(List<List<string>> cells)
    {
        int width = cells.Count == 0 ? 0 : cells.Max(r => r.Count);
        var columns = new int[width];
        for (int k = 1; k < width; k++)
        {
            int widest = cells.Where(r => r.Count > k).Max(r => r[k - 1].Length);
            columns[k] = columns[k - 1] + widest + 2;
        }
        return columns;
    }

    static bool HasInnerComments(ParameterSyntax parameter)
    {
        var tokens = parameter.DescendantTokens().ToList();
        return tokens.Skip(1).Any(t => t.LeadingTrivia.Any(x => x.IsComment))
            || tokens.SkipLast(1).Any(t => t.TrailingTrivia.Any(x => x.IsComment));
    }

    static string Cell(ParameterSyntax parameter)
    {
        string value = string.Concat(parameter.Value.DescendantTokens().Select(t => t.Text));
        return $"{parameter.Name.Text} = {value}";
    }
}
