using System.CommandLine;
using CptLang.Formatting;
using CptLang.Syntax;

namespace Cptc.Commands;

/// <summary><c>cptc fmt FILE... [--check]</c>: rewrite files in the canonical layout.</summary>
internal static class FmtCommand
{
    public static Command Create(Terminal terminal)
    {
        var files = Arguments.Files<string[]>("files", ".cpt files to format in place", ArgumentArity.OneOrMore);
        var check = new Option<bool>("--check") { Description = "change nothing; list the files that would change and exit 1 if any" };
        var command = new Command("fmt", "Format .cpt files in the canonical layout (comments are kept).") { files, check };
        command.SetAction(parse => Run(terminal, parse.GetValue(files)!, parse.GetValue(check)));
        return command;
    }

    static int Run(Terminal terminal, string[] paths, bool check)
    {
        bool errors = false, changes = false;
        foreach (var path in paths)
        {
            var tree = SyntaxTree.Parse(SourceFiles.Read(terminal, path));
            if (terminal.Report(tree.Diagnostics, tree.Text)) { errors = true; continue; }
            string formatted = Formatter.Format(tree);
            // `cptc fmt -` is a filter: stdin formatted to stdout
            if (path == SourceFiles.Standard && !check) { terminal.Out.Write(formatted); continue; }
            if (formatted == tree.Text.Text) continue;
            changes = true;
            if (!check)
            {
                var outputs = new Outputs(terminal);
                outputs.Rewrite(path, tree.Text, formatted);
                outputs.Commit();
            }
            terminal.Out.WriteLine(path);
        }
        return errors || (check && changes) ? ExitCodes.InputErrors : ExitCodes.Ok;
    }
}
