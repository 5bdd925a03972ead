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
                error.WriteLine($"cptc: {UsageMessage(parse.Errors[0].Message)}");
                error.WriteLine("Run 'cptc --help' for usage.");
                return ExitCodes.UsageOrIo;
            }
            return parse.Invoke(new InvocationConfiguration { Output = terminal.Out, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            error.WriteLine($"cptc: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (OutOfMemoryException)
        {
            error.WriteLine($"cptc: {CliException.From(CptLang.Diagnostics.DiagnosticBuilder.At(default).OutOfMemory()).Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (Exception e)
        {
            error.WriteLine($"cptc: internal error: {e.GetType().Name}: {Messages.Plain(e)}. This is a bug in cptc; please report it with the input file.");
            if (Environment.GetEnvironmentVariable("CPTC_DEBUG") is { Length: > 0 }) error.WriteLine(e);
            return ExitCodes.UsageOrIo;
        }
    }

    /// <summary>System.CommandLine's message without .NET type names ("as expected type 'System.Int32'").</summary>
    static string UsageMessage(string message)
    {
        const string typed = " as expected type '";
        int at = message.IndexOf(typed, StringComparison.Ordinal);
        if (at < 0) return message;
        string type = message[(at + typed.Length)..].TrimEnd('.', '\'');
        string expected = type.Contains("Boolean") ? "true or false" : type.Contains("Int") ? "a whole number" : "a value of another kind";
        return $"{message[..at].Replace("Cannot parse argument", "cannot read", StringComparison.Ordinal)}: expected {expected}";
    }
}
