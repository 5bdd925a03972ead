namespace CptLang.Diagnostics;

/// <summary>A kind of diagnostic: its stable code (never reused once retired), severity and a
/// short title for docs/diagnostics.md.</summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title);

/// <summary>A code cptc no longer reports: a tombstone in <see cref="DiagnosticCatalog.Retired"/>,
/// so that the code is never given to another diagnostic.</summary>
public sealed record RetiredCode(string Code, string Title, string Reason);
