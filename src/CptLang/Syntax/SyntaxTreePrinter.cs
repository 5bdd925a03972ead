using System.Text;
using CptLang.Text;

namespace CptLang.Syntax;

/// <summary>
/// A readable dump of a syntax tree for baselines and debugging: one line per node and token,
/// indented, with line:column spans; comments and skipped text shown as trivia, whitespace not.
/// </summary>
public static class SyntaxTreePrinter
{
    public static string Print(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        Print(tree.Text, tree.Root, 0, builder);
        return builder.ToString();
    }

    static void Print(SourceText text, SyntaxElement element, int depth, StringBuilder builder)
    {
        string indent = new(' ', depth * 2);
        if (element is SyntaxToken token)
        {
            foreach (var trivia in token.LeadingTrivia) PrintTrivia(text, trivia, indent, "leading", builder);
            builder.Append(indent).Append(token.Kind);
            if (token.IsMissing) builder.Append(" <missing>");
            else if (token.Kind != SyntaxKind.EndOfFileToken) builder.Append(' ').Append(Quote(token.Text));
            builder.Append(" @").Append(text.GetLinePosition(token.Position)).AppendLine();
            foreach (var trivia in token.TrailingTrivia) PrintTrivia(text, trivia, indent, "trailing", builder);
            return;
        }
        var node = (SyntaxNode)element;
        builder.Append(indent).Append(node.Kind).Append(" @").Append(text.GetLinePosition(node.Span.Start)).AppendLine();
        foreach (var child in node.GetChildren()) Print(text, child, depth + 1, builder);
    }

    static void PrintTrivia(SourceText text, SyntaxTrivia trivia, string indent, string side, StringBuilder builder)
    {
        if (trivia.Kind is SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia) return;
        builder.Append(indent).Append("  (").Append(side).Append(' ').Append(trivia.Kind).Append(' ')
            .Append(Quote(trivia.Text)).Append(" @").Append(text.GetLinePosition(trivia.Position)).AppendLine(")");
    }

    static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text.Length > 60 ? text[..60] + "…" : text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }
}
