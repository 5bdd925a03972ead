using System.CommandLine;
using Cptc.Commands;

namespace Cptc;

/// <summary>
/// The command line: parses, runs one command, maps every failure to an exit code. Usage
/// mistakes and I/O problems print one line and exit 2; an unexpected exception is reported as
/// an internal error (no stack trace unless CPTC_DEBUG is set) and exits 2.
/// </summary>
internal static class Cli
{
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream>? input = null)
    {
        var terminal = new Terminal(output, error, input);
        error = terminal.Error;
        var root = new RootCommand("cptc: plan continual pre-training runs with the CPT scaling law (.cpt files).")
        {
            CheckCommand.Create(terminal),
            BuildCommand.Create(terminal),
            FmtCommand.Create(terminal),
            PredictCommand.Create(terminal),
            FitCommand.Create(terminal),
            OptimizeCommand.Create(terminal),
            ExportCommand.Create(terminal),
            ImportCommand.Create(terminal),
            LspCommand.Create(terminal),
        };
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // the first problem only: one junk value must not print a cascade of errors
                error.WriteLine($"cptc: {CliException.From(CptLang.Diagnostics.DiagnosticBuilder.At(default).InvalidCommandLine(UsageMessage(parse.Errors[0].Message))).Message}");
                return ExitCodes.UsageOrIo;
            }
            return parse.Invoke(new InvocationConfiguration { Output = terminal.Out, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            error.WriteLine(Failure(e));
            if (e is not CliException && Environment.GetEnvironmentVariable("CPTC_DEBUG") is { Length: > 0 }) error.WriteLine(e);
            return ExitCodes.UsageOrIo;
        }
    }

    /// <summary>The one line for a command that stopped with <paramref name="e"/>: a usage or I/O
    /// problem as its diagnostic, running out of memory as CPT4007 (not a bug: the input is too
    /// big for the machine), anything else as an internal error.</summary>
    internal static string Failure(Exception e) => e switch
    {
        CliException usage => $"cptc: {usage.Message}",
        OutOfMemoryException => $"cptc: {CliException.From(CptLang.Diagnostics.DiagnosticBuilder.At(default).OutOfMemory()).Message}",
        _ when MissingNativeLibrary(e) is { } library =>
            $"cptc: cannot draw the plot: the native library {library} was not found; a native cptc needs libSkiaSharp.so and libHarfBuzzSharp.so next to it (docs/performance.md)",
        _ => $"cptc: internal error: {e.GetType().Name}: {Messages.Plain(e)}. This is a bug in cptc; please report it with the input file.",
    };

    /// <summary>The plotting library SkiaSharp that failed to load (only --plot uses it), through
    /// the type initializers that wrap it; null for any other failure.</summary>
    static string? MissingNativeLibrary(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is DllNotFoundException && e.Message.Contains("libSkiaSharp", StringComparison.Ordinal)) return "libSkiaSharp";
            else if (e is DllNotFoundException && e.Message.Contains("libHarfBuzzSharp", StringComparison.Ordinal)) return "libHarfBuzzSharp";
        return null;
    }

    /// <summary>System.CommandLine's message without .NET type names ("as expected type 'System.Int32'").</summary>
    static string UsageMessage(string message)
    {
        // one line: System.CommandLine lists allowed values one per line
        var lines = message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > 1) message = $"{lines[0]} {string.Join(", ", lines.Skip(1))}";
        const string typed = " as expected type '";
        int at = message.IndexOf(typed, StringComparison.Ordinal);
        if (at < 0) return Lowered(message.TrimEnd('.'));
        string type = message[(at + typed.Length)..].TrimEnd('.', '\'');
        string expected = type.Contains("Boolean") ? "true or false" : type.Contains("Int") ? "a whole number" : "a value of another kind";
        return $"{message[..at].Replace("Cannot parse argument", "cannot read", StringComparison.Ordinal)}: expected {expected}";
    }

    /// <summary>Messages are lower-case sentences, as every diagnostic's.</summary>
    static string Lowered(string message) => message.Length > 0 && char.IsUpper(message[0]) && !(message.Length > 1 && char.IsUpper(message[1]))
        ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
