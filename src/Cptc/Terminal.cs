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

    /// <summary>The diagnostics that matter to a command evaluating <paramref name="runs"/> (null:
    /// every run): those about another run (a law that cannot predict it) are counted in one line,
    /// so that one run's problems do not flood the report of another.</summary>
    public bool Report(Compilation compilation, IReadOnlyCollection<string>? runs)
    {
        if (runs is null) return Report(compilation);
        // a law that cannot predict an evaluated run is reported as an error where it is evaluated
        var shown = compilation.Diagnostics.Where(d => d.Run is null || (runs.Contains(d.Run) && d.Code != DiagnosticCatalog.LawCannotPredictRun.Code)).ToList();
        int hidden = compilation.Diagnostics.Count(d => d.Run is not null && !runs.Contains(d.Run));
        bool errors = Report(shown, compilation.Text);
        if (hidden > 0)
        {
            string path = compilation.Text.Path.Length > 0 ? compilation.Text.Path : "the file";
            Error.WriteLine($"cptc: {hidden} {(hidden == 1 ? "warning" : "warnings")} about other runs of {path} not shown; `cptc check {path}` lists them");
        }
        return errors || compilation.HasErrors;
    }

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
