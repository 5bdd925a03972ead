using System.CommandLine;
using CptLang;

namespace Cptc.Commands;

/// <summary><c>cptc check FILE... [--format text|json]</c>: compile and report diagnostics only.</summary>
internal static class CheckCommand
{
    public static Command Create(Terminal terminal)
    {
        var files = Arguments.Files<string[]>("files", ".cpt files to check", ArgumentArity.OneOrMore);
        var format = OutputFormats.Text("text (canonical lines on stderr) or json (a document on stdout)");
        var command = new Command("check", "Report the diagnostics of .cpt files; exit 1 if any is an error.") { files, format.Option };
        command.SetAction(parse => Run(terminal, parse.GetValue(files)!, format.ValueOf(parse)));
        return command;
    }

    static int Run(Terminal terminal, string[] paths, TextFormat format)
    {
        var compilations = paths.Select(p => Compilation.Create(SourceFiles.Read(terminal, p))).ToList();
        bool errors = compilations.Any(c => c.HasErrors);
        switch (format)
        {
            case TextFormat.Json: terminal.Out.Write(DiagnosticJson.Write(compilations)); break;
            case TextFormat.Text: foreach (var compilation in compilations) terminal.Report(compilation); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
        return errors ? ExitCodes.InputErrors : ExitCodes.Ok;
    }
}
