using CptLang;
using CptLang.Diagnostics;
using CptLang.Text;

namespace Cptc;

/// <summary>The streams a command writes to, and the ways cptc prints to them. Commands never
/// touch <see cref="Console"/>, so tests run them in-process on string writers.</summary>
internal sealed class Terminal(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Diagnostics on stderr in the canonical format; true when one was an error.</summary>
    public bool Report(Compilation compilation) => Report(compilation.Diagnostics, compilation.Text);

    public bool Report(IEnumerable<Diagnostic> diagnostics, SourceText text)
    {
        bool errors = false;
        foreach (var diagnostic in diagnostics)
        {
            Error.WriteLine(DiagnosticFormatter.Format(diagnostic, text));
            errors |= diagnostic.IsError;
        }
        return errors;
    }
}
