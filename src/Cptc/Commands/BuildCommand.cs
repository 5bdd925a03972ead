using System.CommandLine;
using CptLang;
using CptLang.Plan;

namespace Cptc.Commands;

/// <summary><c>cptc build FILE [-o plan.json]</c>: compile to the evaluation plan (JSON).</summary>
internal static class BuildCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = Arguments.Files<string>("file", "the .cpt file to compile", ArgumentArity.ExactlyOne);
        var output = new Option<string?>("--output", "-o") { Description = "write the plan here instead of stdout" };
        var command = new Command("build", "Compile a .cpt file to its evaluation plan (JSON, format cptc.plan/1).") { file, output };
        command.SetAction(parse => Run(terminal, parse.GetValue(file)!, parse.GetValue(output)));
        return command;
    }

    static int Run(Terminal terminal, string path, string? output)
    {
        Outputs.Check((output, false));
        var compilation = Compilation.Create(SourceFiles.Read(terminal, path));
        if (terminal.Report(compilation)) return ExitCodes.InputErrors;
        var outputs = new Outputs(terminal);
        outputs.Text(output, PlanJsonWriter.Write(compilation.Plans, compilation.Laws));
        outputs.Commit();
        return ExitCodes.Ok;
    }
}
