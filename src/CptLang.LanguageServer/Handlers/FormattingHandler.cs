using CptLang.Formatting;
using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Protocol;
using CptLang.Text;

namespace CptLang.LanguageServer.Handlers;

/// <summary>
/// Formatting with the formatter of <c>cptc fmt</c> (docs/cli.md). The edit covers the lines that
/// differ (common leading and trailing lines kept), so the cursor and folds elsewhere stay put.
/// Range formatting formats the whole file and keeps the edit only when it lies within the
/// range's lines. A file with syntax errors is not formatted, as with <c>cptc fmt</c>.
/// </summary>
internal static class FormattingHandler
{
    public static TextEdit[] Format(Document document, TextSpan? range)
    {
        var tree = document.Compilation.SyntaxTree;
        if (tree.Diagnostics.Any(d => d.IsError)) return [];
        string before = document.Text.Text, after = Formatter.Format(tree);
        if (before == after) return [];
        var edit = Minimal(document.Text, after);
        if (range is { } r)
        {
            var text = document.Text;
            int firstLine = text.GetLineIndex(r.Start), lastLine = text.GetLineIndex(r.End);
            var span = text.ToSpan(edit.Range);
            if (text.GetLineIndex(span.Start) < firstLine || text.GetLineIndex(Math.Max(span.Start, span.End - 1)) > lastLine) return [];
        }
        return [edit];
    }

    /// <summary>One edit replacing the lines between the longest common prefix and suffix of lines.</summary>
    static TextEdit Minimal(SourceText before, string after)
    {
        var formatted = SourceText.From(after);
        int prefix = 0;
        int maxPrefix = Math.Min(before.LineCount, formatted.LineCount) - 1;
        while (prefix < maxPrefix && LineWithBreak(before, prefix) == LineWithBreak(formatted, prefix)) prefix++;
        int suffix = 0;
        while (suffix < Math.Min(before.LineCount, formatted.LineCount) - prefix - 1
            && LineWithBreak(before, before.LineCount - 1 - suffix) == LineWithBreak(formatted, formatted.LineCount - 1 - suffix)) suffix++;
        int start = before.GetLineStart(prefix);
        int end = suffix == 0 ? before.Length : before.GetLineStart(before.LineCount - suffix);
        int newStart = formatted.GetLineStart(prefix);
        int newEnd = suffix == 0 ? formatted.Length : formatted.GetLineStart(formatted.LineCount - suffix);
        return new TextEdit(before.ToRange(TextSpan.FromBounds(start, end)), after[newStart..newEnd]);
    }

    static string LineWithBreak(SourceText text, int line)
    {
        int start = text.GetLineStart(line);
        int end = line + 1 < text.LineCount ? text.GetLineStart(line + 1) : text.Length;
        return text.Text[start..end];
    }
}
