using System.Text.RegularExpressions;
using CptLang.Diagnostics;

namespace CptLang.Tests;

/// <summary>docs/diagnostics.md stays true: each example snippet, compiled as example.cpt, prints
/// exactly the output the page shows.</summary>
public partial class DiagnosticDocsTests
{
    public static TheoryData<string> DocumentedExamples()
    {
        var data = new TheoryData<string>();
        foreach (var (code, _, _) in Examples()) data.Add(code);
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void ExampleOutputIsWhatTheCompilerPrints(string code)
    {
        var (_, snippet, output) = Examples().Single(e => e.Code == code);
        var compilation = Compilation.Create(snippet.Replace('␀', '\0'), "example.cpt");
        var actual = compilation.Diagnostics.Select(d => DiagnosticFormatter.Format(d, compilation.Text));
        Assert.Equal(output.TrimEnd('\n').Split('\n'), actual);
        Assert.Contains(compilation.Diagnostics, d => d.Code == code);
    }

    /// <summary>(code, snippet, output) for every section whose output comes from a file named example.cpt.</summary>
    static IEnumerable<(string Code, string Snippet, string Output)> Examples()
    {
        string docs = File.ReadAllText(Path.Combine(TestPaths.Docs, "diagnostics.md")).ReplaceLineEndings("\n");
        foreach (var section in Regex.Split(docs, @"^### ", RegexOptions.Multiline).Skip(1))
        {
            string code = section[..7];
            var blocks = CodeBlock().Matches(section).Select(m => m.Groups[1].Value).ToList();
            int output = section.IndexOf("Output:", StringComparison.Ordinal);
            if (blocks.Count < 2 || output < 0 || !blocks[1].StartsWith("example.cpt(", StringComparison.Ordinal)) continue;
            yield return (code, blocks[0], blocks[1]);
        }
    }

    [GeneratedRegex(@"```[a-z]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
