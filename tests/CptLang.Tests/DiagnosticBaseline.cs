using System.Text;
using CptLang.Diagnostics;

namespace CptLang.Tests;

/// <summary>
/// Bicep-style rendering of diagnostics: the source, each line followed by the diagnostics that
/// start on it as <c>//@</c> comments with their exact span, so a baseline diff shows what moved.
/// </summary>
internal static class DiagnosticBaseline
{
    public static string Render(Compilation compilation)
    {
        var text = compilation.Text;
        var builder = new StringBuilder();
        var byLine = compilation.Diagnostics.ToLookup(d => text.GetLineIndex(d.Span.Start));
        for (int line = 0; line < text.LineCount; line++)
        {
            builder.Append(text.GetLineText(line)).Append('\n');
            foreach (var d in byLine[line])
            {
                var start = text.GetLinePosition(d.Span.Start);
                var end = text.GetLinePosition(d.Span.End);
                string severity = d.IsError ? "error" : "warning";
                builder.Append($"//@({start})-({end}) {severity} {d.Code}: {DiagnosticFormatter.FullMessage(d)}\n");
            }
        }
        if (compilation.Diagnostics.IsEmpty) builder.Append("//@ no diagnostics\n");
        return builder.ToString();
    }
}
