using CptLang.Diagnostics;
using CptLang.Formatting;
using CptLang.Syntax;
using CptLang.Text;

namespace CptLang.Tests;

/// <summary>The shipped examples are what users start from: they compile without any diagnostic
/// and are already in canonical format.</summary>
public class ExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Examples, "*.cpt").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void ThereAreAtLeastFiveExamples() => Assert.True(Examples().Count >= 5);

    [Theory]
    [MemberData(nameof(Examples))]
    public void CompilesCleanly(string name)
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Examples, name));
        var compilation = Compilation.Create(SourceText.From(text, name));
        Assert.True(compilation.Diagnostics.IsEmpty,
            string.Join("\n", compilation.Diagnostics.Select(d => DiagnosticFormatter.Format(d, compilation.Text))));
        Assert.NotEmpty(compilation.Plans);
        Assert.Equal(text, Formatter.Format(SyntaxTree.Parse(text)));
    }
}
