using System.Text.RegularExpressions;
using CptLang.Diagnostics;
using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Protocol;
using CptLang.Text;

namespace CptLang.LanguageServer.Handlers;

/// <summary>
/// Quick fixes for the diagnostics whose hint names the fix (docs/diagnostics.md): "did you mean
/// 'x'?" replaces the misspelled word, "remove it" deletes an invalid character (CPT0003), and a
/// count without its unit (CPT1017) gets <c>steps</c> or <c>tokens</c>. Each fix is checked
/// against the text under the diagnostic, so a fix never edits something else.
/// </summary>
internal static partial class CodeActionHandler
{
    public static CodeAction[] Actions(Document document, TextSpan range)
    {
        var actions = new List<CodeAction>();
        var text = document.Text;
        foreach (var d in document.Compilation.Diagnostics)
        {
            if (d.Span.End < range.Start || d.Span.Start > range.End) continue;
            var lsp = Handlers.DiagnosticsHandler.Of(d, text);
            string under = text.ToString(d.Span);
            if (DidYouMean().Match(DiagnosticFormatter.FullMessage(d)) is { Success: true } m
                && Quoted().Match(d.Message) is { Success: true } wrong && wrong.Groups[1].Value == under)
                actions.Add(Fix(document, lsp, $"Change '{under}' to '{m.Groups[1].Value}'", d.Span, m.Groups[1].Value));
            else if (d.Code == "CPT0003" && under.Length > 0)
                actions.Add(Fix(document, lsp, $"Remove '{under}'", d.Span, ""));
            else if (d.Code == "CPT1017")
                foreach (var unit in new[] { "steps", "tokens" })
                    actions.Add(Fix(document, lsp, $"Add '{unit}'", new TextSpan(d.Span.End, 0), " " + unit, preferred: unit == "steps"));
        }
        return [.. actions];
    }

    static CodeAction Fix(Document document, LspDiagnostic diagnostic, string title, TextSpan span, string newText, bool preferred = true) =>
        new(title, "quickfix", [diagnostic], new WorkspaceEdit(new() { [document.Uri] = [new TextEdit(document.Text.ToRange(span), newText)] }), preferred);

    [GeneratedRegex("did you mean '([^']+)'\\?")]
    private static partial Regex DidYouMean();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
