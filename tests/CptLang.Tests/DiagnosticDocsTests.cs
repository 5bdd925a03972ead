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
        foreach (var (code, _, _, _) in Examples()) data.Add(code);
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void ExampleOutputIsWhatTheCompilerPrints(string code)
    {
        var (_, snippet, output, predict) = Examples().Single(e => e.Code == code);
        var compilation = Compilation.Create(snippet.Replace('␀', '\0'), "example.cpt");
        var diagnostics = compilation.Diagnostics.ToList();
        if (predict)
        {
            // what `cptc predict` reports: the file's diagnostics about its one run, then the prediction's
            var plan = Assert.Single(compilation.Plans);
            diagnostics = [.. diagnostics.Where(d => d.Run is null || (d.Run == plan.Run && d.Code != "CPT3016")),
                .. Predicting.Prediction.Compute(compilation, plan, Predicting.StepSelection.Default(keySteps: true)).Diagnostics];
        }
        var actual = diagnostics.Select(d => DiagnosticFormatter.Format(d, compilation.Text));
        Assert.Equal(output.TrimEnd('\n').Split('\n'), actual);
        Assert.Contains(diagnostics, d => d.Code == code);
    }

    /// <summary>(code, snippet, output) for every section whose output comes from a file named
    /// example.cpt: compiled (<c>Output:</c>), or predicted (<c>Output of `cptc predict example.cpt`:</c>).</summary>
    static IEnumerable<(string Code, string Snippet, string Output, bool Predict)> Examples()
    {
        string docs = File.ReadAllText(Path.Combine(TestPaths.Docs, "diagnostics.md")).ReplaceLineEndings("\n");
        foreach (var section in Regex.Split(docs, @"^### ", RegexOptions.Multiline).Skip(1))
        {
            string code = section[..7];
            var blocks = CodeBlock().Matches(section).Select(m => m.Groups[1].Value).ToList();
            bool predict = section.Contains("Output of `cptc predict example.cpt`:", StringComparison.Ordinal);
            int output = section.IndexOf("Output:", StringComparison.Ordinal);
            if (blocks.Count < 2 || (output < 0 && !predict) || !blocks[1].StartsWith("example.cpt(", StringComparison.Ordinal)) continue;
            yield return (code, blocks[0], blocks[1], predict);
        }
    }

    [GeneratedRegex(@"```[a-z]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
