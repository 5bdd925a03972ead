using CptLang.Text;

namespace CptLang.Diagnostics;

/// <summary>A diagnostic with the text its span points into: the .cpt file, or another input
/// such as a training log, so that a caller can print <c>file(line,col)</c> for each.</summary>
public sealed record SourceDiagnostic(Diagnostic Diagnostic, SourceText Text)
{
    public bool IsError => Diagnostic.IsError;

    public override string ToString() => DiagnosticFormatter.Format(Diagnostic, Text);
}
