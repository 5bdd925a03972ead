using CptLang.Text;

namespace CptLang.Diagnostics;

/// <summary>One problem found in a source text, at an exact span.</summary>
/// <param name="Hint">How to fix it, when there is something useful to say.</param>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, TextSpan Span, string Message, string? Hint = null)
{
    public string Code => Descriptor.Code;
    public DiagnosticSeverity Severity => Descriptor.Severity;
    public bool IsError => Severity == DiagnosticSeverity.Error;
}
