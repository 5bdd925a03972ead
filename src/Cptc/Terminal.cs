using System.Text;
using CptLang;
using CptLang.Diagnostics;
using CptLang.Text;

namespace Cptc;

/// <summary>The streams a command reads and writes, and the ways cptc prints to them. Commands
/// never touch <see cref="Console"/>, so tests run them in-process on string writers. A failing
/// stdout (a full disk, a closed pipe) is an I/O error, CPT4002; a failing stderr is ignored:
/// there is nowhere left to report it, and the exit code still tells.</summary>
internal sealed class Terminal(TextWriter output, TextWriter error, Func<Stream>? input = null)
{
    public TextWriter Out { get; } = new GuardedWriter(output, e => throw CliException.From(DiagnosticBuilder.At(default).CannotWriteFile("stdout", e is UnauthorizedAccessException ? "it is closed" : Messages.Plain(e))));
    public TextWriter Error { get; } = new GuardedWriter(error, _ => { });

    /// <summary>stderr is the process's own (a progress bar may be drawn there).</summary>
    public bool ErrorIsConsole { get; } = ReferenceEquals(error, Console.Error);

    /// <summary>stdin, for the file name <c>-</c>.</summary>
    public Stream OpenInput() => (input ?? Console.OpenStandardInput)();

    /// <summary>Diagnostics on stderr in the canonical format; true when one was an error.</summary>
    public bool Report(Compilation compilation) => Report(compilation.Diagnostics, compilation.Text);

    /// <summary>The diagnostics that matter to a command evaluating <paramref name="runs"/> (null:
    /// every run): the warnings about another run (inside its block, or a law that cannot predict
    /// it) are counted in one line, so that one run's problems do not flood the report of another.</summary>
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

    /// <summary>A writer whose I/O failures go to <c>failed</c> (which may throw something else).</summary>
    sealed class GuardedWriter(TextWriter inner, Action<Exception> failed) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;
        public override void Write(char value) => Guard(() => inner.Write(value));
        public override void Write(string? value) => Guard(() => inner.Write(value));
        public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));
        public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));
        public override void Flush() => Guard(inner.Flush);
        public override string ToString() => inner.ToString()!;

        void Guard(Action write)
        {
            try { write(); }
            // a closed descriptor is EBADF, which .NET reports as UnauthorizedAccessException
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { failed(e); }
        }
    }
}
