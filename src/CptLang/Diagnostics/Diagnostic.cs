using CptLang.Text;

namespace CptLang.Diagnostics;

/// <summary>One problem found in a source text, at an exact span.</summary>
/// <param name="Hint">How to fix it, when there is something useful to say.</param>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, TextSpan Span, string Message, string? Hint = null)
{
    /// <summary>The run the diagnostic is about, when it is about one run and one law (a law that
    /// cannot predict it): a command that evaluates other runs summarises it instead of listing it.</summary>
    public string? Run { get; init; }

    public string Code => Descriptor.Code;
    public DiagnosticSeverity Severity => Descriptor.Severity;
    public bool IsError => Severity == DiagnosticSeverity.Error;
}
