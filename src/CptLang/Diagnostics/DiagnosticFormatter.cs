using CptLang.Text;

namespace CptLang.Diagnostics;

/// <summary>Prints diagnostics in the MSBuild canonical format editors and CI systems parse:
/// <c>file(line,col): error CPT0102: message; hint</c> (1-based line and column).</summary>
public static class DiagnosticFormatter
{
    public static string Format(Diagnostic diagnostic, SourceText text)
    {
        var position = text.GetLinePosition(diagnostic.Span.Start);
        string severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{Display(text.Path)}({position.Line},{position.Column}): {severity} {diagnostic.Code}: {FullMessage(diagnostic)}";
    }

    /// <summary>The message followed by its hint, as one line.</summary>
    public static string FullMessage(Diagnostic diagnostic) => diagnostic.Hint is null
        ? diagnostic.Message
        : diagnostic.Message + (diagnostic.Message.EndsWith('?') ? " " : "; ") + diagnostic.Hint;

    static string Display(string path) => path.Length == 0 ? "<input>" : path;
}
