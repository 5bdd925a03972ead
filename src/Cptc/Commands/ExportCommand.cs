using System.CommandLine;
using System.Text;
using Cptc.Predict;
using CptLang;
using CptLang.Diagnostics;
using CptLang.Export;
using CptLang.Export.Tables;

namespace Cptc.Commands;

/// <summary>
/// <c>cptc export FILE [--run NAME] --target csv|json|npy|hf|megatron|torchtitan [--stage DOMAIN] [--allow-approximate] [-o PATH]</c>:
/// the run's LR of every step, or a framework's scheduler settings that reproduce it exactly.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = Arguments.Files<string>("file", "the .cpt file with the run", ArgumentArity.ExactlyOne);
        var run = new Option<string?>("--run") { Description = "the run to export (needed when the file has several)" };
        var target = new Option<string>("--target", "-t") { Description = "csv, json or npy (the LR of every step), hf, megatron or torchtitan (scheduler settings)", Required = true };
        var stage = new Option<string?>("--stage") { Description = "framework targets: export only the stage on this domain" };
        var approximate = new Option<bool>("--allow-approximate") { Description = "framework targets: emit the closest settings even when they do not reproduce the schedule exactly, and print the largest LR deviation" };
        var output = new Option<string?>("--output", "-o") { Description = "write the output here instead of stdout (required for npy)" };

        var command = new Command("export", "Export a run's learning-rate schedule: every step's LR, or a training framework's scheduler settings.")
        {
            file, run, target, stage, approximate, output,
        };
        command.SetAction(parse => Run(terminal, new Request(
            parse.GetValue(file)!, parse.GetValue(run), parse.GetValue(target)!, parse.GetValue(stage),
            parse.GetValue(approximate), parse.GetValue(output))));
        return command;
    }

    sealed record Request(string File, string? Run, string Target, string? Stage, bool Approximate, string? Output);

    static int Run(Terminal terminal, Request request)
    {
        // usage mistakes first: they are reported even for a file with errors
        if (!ExportTargets.TryParse(request.Target, out var target))
            throw CliException.From(DiagnosticBuilder.At(default).UnknownExportTarget(request.Target, ExportTargets.Names));
        if (target == ExportTarget.Npy && request.Output is null)
            throw CliException.From(DiagnosticBuilder.At(default).CannotWriteFile("stdout", "the npy target is a binary file; give it a path with -o"));
        if ((request.Stage is not null || request.Approximate) && !target.IsFramework())
            throw CliException.From(DiagnosticBuilder.At(default).OptionOnlyForFrameworks(request.Stage is not null ? "--stage" : "--allow-approximate",
                target.Name(), Enum.GetValues<ExportTarget>().Where(t => t.IsFramework()).Select(t => t.Name())));

        Outputs.Check((request.Output, target == ExportTarget.Npy));
        var compilation = Compilation.Create(SourceFiles.Read(terminal, request.File));
        if (compilation.HasErrors && terminal.Report(compilation)) return ExitCodes.InputErrors;
        var plan = PredictCommand.Selected(terminal, compilation, request.Run);
        if (request.Stage is { } domain && !plan.Stages.Any(s => s.Domain == domain && s.Length > 0))
            throw CliException.From(DiagnosticBuilder.At(default).UnknownStage(domain, plan.Run, plan.Stages.Where(s => s.Length > 0).Select(s => s.Domain)));
        if (target.IsFramework() && plan.TotalSteps > FrameworkExport.MaxCheckedSteps)
            throw CliException.From(DiagnosticBuilder.At(default).RunTooLongToCheck(plan.TotalSteps, FrameworkExport.MaxCheckedSteps));
        if (!target.IsFramework() && plan.TotalSteps > LearningRateTable.MaxRows)
            throw CliException.From(DiagnosticBuilder.At(default).TableTooLong(plan.TotalSteps, LearningRateTable.MaxRows));

        var result = RunExport.Export(compilation, plan, target, request.Stage, request.Approximate);
        if (terminal.Report(result.Diagnostics, compilation.Text) || result.Content is null) return ExitCodes.InputErrors;
        var outputs = new Outputs(terminal);
        if (request.Output is null or SourceFiles.Standard) outputs.Text(null, Encoding.UTF8.GetString(result.Content));
        else outputs.Bytes(request.Output, result.Content);
        outputs.Commit();
        return ExitCodes.Ok;
    }
}
