namespace CptLang.Diagnostics;

/// <summary>A kind of diagnostic: its stable code (never reused once retired), severity and a
/// short title for docs/diagnostics.md.</summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title);
