using CptLang.Formatting;
using CptLang.Plan;
using CptLang.Syntax;
using CptLang.Text;

namespace CptLang.Tests;

/// <summary>
/// The snapshot corpus: every <c>Baselines/&lt;Case&gt;/main.cpt</c> is compiled and its syntax tree,
/// diagnostics, plan JSON (only for files without errors) and formatted text (only for files
/// without syntax errors) are compared with the reviewed files beside it.
/// </summary>
public class BaselineTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(TestPaths.Baselines).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    /// <summary>Counts the cases that ran to the end of their comparison (a folder without a
    /// main.cpt or with a differing file fails here too), not the folders.</summary>
    [Fact]
    public void CorpusHasAtLeastThirtyCases()
    {
        int ran = 0;
        foreach (string name in Cases())
        {
            Check(name);
            ran++;
        }
        Assert.True(ran >= 30, $"only {ran} baseline cases ran");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Baseline(string name) => Check(name);

    static void Check(string name)
    {
        string dir = Path.Combine(TestPaths.Baselines, name);
        string source = File.ReadAllText(Path.Combine(dir, "main.cpt"));
        var compilation = Compilation.Create(SourceText.From(source, "main.cpt"));

        Assert.Equal(source, compilation.SyntaxTree.Root.ToFullString());
        BaselineFile.Check(Path.Combine(dir, "main.syntax.txt"), SyntaxTreePrinter.Print(compilation.SyntaxTree));
        BaselineFile.Check(Path.Combine(dir, "main.diagnostics.txt"), DiagnosticBaseline.Render(compilation));
        BaselineFile.Check(Path.Combine(dir, "main.plan.json"),
            compilation.HasErrors ? null : PlanJsonWriter.Write(compilation.Plans, compilation.Laws));
        bool syntaxErrors = compilation.SyntaxTree.Diagnostics.Any(d => d.IsError);
        BaselineFile.Check(Path.Combine(dir, "main.formatted.cpt"), syntaxErrors ? null : Formatter.Format(compilation.SyntaxTree));
    }
}
