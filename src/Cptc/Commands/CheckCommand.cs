using System.CommandLine;
using CptLang;

namespace Cptc.Commands;

/// <summary><c>cptc check FILE... [--format text|json]</c>: compile and report diagnostics only.</summary>
internal static class CheckCommand
{
    public static Command Create(Terminal terminal)
    {
        var files = Arguments.Files<string[]>("files", ".cpt files to check", ArgumentArity.OneOrMore);
        var format = new Option<string>("--format") { Description = "text (canonical lines on stderr) or json (a document on stdout)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("check", "Report the diagnostics of .cpt files; exit 1 if any is an error.") { files, format };
        command.SetAction(parse => Run(terminal, parse.GetValue(files)!, parse.GetValue(format) == "json"));
        return command;
    }

    static int Run(Terminal terminal, string[] paths, bool json)
    {
        var compilations = paths.Select(p => Compilation.Create(SourceFiles.Read(p))).ToList();
        bool errors = compilations.Any(c => c.HasErrors);
        if (json) terminal.Out.Write(DiagnosticJson.Write(compilations));
        else foreach (var compilation in compilations) terminal.Report(compilation);
        return errors ? ExitCodes.InputErrors : ExitCodes.Ok;
    }
}
