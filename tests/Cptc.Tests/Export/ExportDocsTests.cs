using System.Text.RegularExpressions;

namespace Cptc.Tests.Export;

/// <summary>docs/export.md stays true: every `$ cptc export NAME.cpt …` example, run on the .cpt
/// block shown before it, prints exactly the output the page shows (on stdout, or on stderr for
/// the examples that show a diagnostic).</summary>
public partial class ExportDocsTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var (command, _, _) in Examples()) data.Add(command);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void ExampleOutputIsWhatCptcPrints(string command)
    {
        var (_, source, expected) = Examples().Single(e => e.Command == command);
        var args = command.Split(' ');
        using var dir = new TempDirectory();
        string path = dir.File(args[0], source);
        var result = CliRunner.Run(["export", path, .. args[1..]]);
        string Clean(string text) => text.Replace(dir.Path + System.IO.Path.DirectorySeparatorChar, "").ReplaceLineEndings("\n").TrimEnd('\n');
        Assert.Contains(expected.TrimEnd('\n'), new[] { Clean(result.Out), Clean(result.Error) });
        Assert.True(Examples().Count() >= 4, "the page has an example per framework");
    }

    /// <summary>(the command after `cptc export`, the .cpt block before it, the output shown).</summary>
    static IEnumerable<(string Command, string Source, string Output)> Examples()
    {
        string docs = File.ReadAllText(System.IO.Path.Combine(Repository.Root, "docs", "export.md")).ReplaceLineEndings("\n");
        string? source = null;
        foreach (Match block in CodeBlock().Matches(docs))
        {
            if (block.Groups[1].Value == "cpt") { source = block.Groups[2].Value; continue; }
            var run = Regex.Match(block.Groups[2].Value, @"^\$ cptc export (\S+\.cpt [^|\n]*)\n(.*)$", RegexOptions.Singleline);
            if (run.Success && source is not null && !run.Groups[1].Value.Contains('/')) yield return (run.Groups[1].Value.Trim(), source, run.Groups[2].Value);
        }
    }

    [GeneratedRegex(@"```([a-z]*)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
