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
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var terminal = new Terminal(output, error);
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
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors) error.WriteLine($"cptc: {parseError.Message}");
            error.WriteLine("Run 'cptc --help' for usage.");
            return ExitCodes.UsageOrIo;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            error.WriteLine($"cptc: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (Exception e)
        {
            error.WriteLine($"cptc: internal error: {e.GetType().Name}: {e.Message}. This is a bug in cptc; please report it with the input file.");
            if (Environment.GetEnvironmentVariable("CPTC_DEBUG") is { Length: > 0 }) error.WriteLine(e);
            return ExitCodes.UsageOrIo;
        }
    }
}
