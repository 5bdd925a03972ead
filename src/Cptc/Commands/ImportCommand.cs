using System.CommandLine;
using CptLang.Diagnostics;
using CptLang.Import;
using CptLang.Syntax;

namespace Cptc.Commands;

/// <summary>
/// <c>cptc import --from hf|megatron|torchtitan [--run NAME] [--domain NAME] [-o PATH] -- SETTINGS…</c>:
/// a framework's scheduler settings as a .cpt run with exactly the same per-step LR.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(Terminal terminal)
    {
        var from = new Option<string>("--from") { Description = "the framework the settings are for: hf, megatron or torchtitan", Required = true };
        var run = new Option<string>("--run") { Description = "the name of the run to write", DefaultValueFactory = _ => "imported" };
        var domain = new Option<string>("--domain") { Description = "the data domain of its stage", DefaultValueFactory = _ => "data" };
        var output = new Option<string?>("--output", "-o") { Description = "write the .cpt file here instead of stdout" };
        var settings = new Argument<string[]>("settings")
        {
            Description = "hf: name=value pairs (get_wsd_schedule / TrainingArguments names); megatron: its flags after --; torchtitan: its flags after --, section.key=value pairs, a Python config (.py) or a TOML job file (.toml)",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Write a .cpt run from a training framework's LR scheduler settings.")
        {
            from, run, domain, output, settings,
        };
        command.SetAction(parse => Run(terminal, parse.GetValue(from)!, parse.GetValue(run)!, parse.GetValue(domain)!, parse.GetValue(output), parse.GetValue(settings)!));
        return command;
    }

    static int Run(Terminal terminal, string from, string run, string domain, string? output, string[] args)
    {
        Outputs.Check((output, false));
        if (!ScheduleImport.TryParseSource(from, out var source))
            throw CliException.From(DiagnosticBuilder.At(default).UnknownImportFramework(from, ScheduleImport.Sources));
        foreach (var (option, value) in new[] { ("--run", run), ("--domain", domain) })
            if (!SyntaxFacts.IsValidName(value)) throw CliException.From(DiagnosticBuilder.At(default).InvalidImportName(option, value));
        var bag = source switch
        {
            ImportSource.Megatron => SettingParsing.Megatron(args),
            ImportSource.Torchtitan when args is [var file] && file.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) => SettingParsing.Toml(ReadText(terminal, file)),
            ImportSource.Torchtitan when args is [var file] && file.EndsWith(".py", StringComparison.OrdinalIgnoreCase) => SettingParsing.Python(ReadText(terminal, file)),
            ImportSource.Torchtitan => SettingParsing.TorchtitanArgs(args),
            _ => SettingParsing.Pairs(from, args),
        };
        // like every usage problem, an import's one error is a line on stderr and exit code 2
        var result = ScheduleImport.Import(source, bag, run, domain);
        if (result.Text is not { } text) throw CliException.From(result.Diagnostics.First(d => d.IsError));
        var outputs = new Outputs(terminal);
        outputs.Text(output, text);
        outputs.Commit();
        return ExitCodes.Ok;
    }

    static string ReadText(Terminal terminal, string path) => SourceFiles.Read(terminal, path).ToString();
}
