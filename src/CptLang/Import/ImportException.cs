using CptLang.Diagnostics;

namespace CptLang.Import;

/// <summary>Framework settings that cannot be imported; carries the CPT421x diagnostic.</summary>
public sealed class ImportException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
