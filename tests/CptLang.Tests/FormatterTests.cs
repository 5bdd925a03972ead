using CptLang.Formatting;
using CptLang.Syntax;

namespace CptLang.Tests;

public class FormatterTests
{
    [Fact]
    public void ProducesTheCanonicalLayout()
    {
        const string input = "// lead\nlambda   0.99\n\n\n\nrun  x{peak_lr 1e-4 train a{   // c1\n  // own\n warmup 1k steps to 50 % cosine\n\n\n stable until 5k decay 1k steps to 0 polynomial( 2 )\n\n }\n   }\nlaw c = -0.5*a - 0.2 * b\nlaw k { L0=1 A=2\n alpha = 0.5 C = 0.1 }\n// end\n";
        const string expected = """
            // lead
            lambda 0.99

            run x {
              peak_lr 1e-4
              train a {                    // c1
                // own
                warmup 1k steps to 50% cosine

                stable until 5k
                decay 1k steps to 0 polynomial(2)
              }
            }
            law c = -0.5 * a - 0.2 * b
            law k {
              L0 = 1       A = 2
              alpha = 0.5  C = 0.1
            }
            // end

            """;
        Assert.Equal(expected, Formatter.Format(SyntaxTree.Parse(input)));
    }

    [Fact]
    public void KeepsCommentsInsideItems()
    {
        const string input = "run x { peak_lr /* the peak */ 1e-4 train a { decay 1k steps // long\n to 0 } }\nlaw k { L0 = // ok\n 3 A = 1 alpha = 1 C = 1 }\n";
        FrontEndInvariants.FormatterInvariants(SyntaxTree.Parse(input));
    }

    [Fact]
    public void RefusesFilesWithSyntaxErrors() =>
        Assert.Throws<InvalidOperationException>(() => Formatter.Format(SyntaxTree.Parse("run x {")));

    public static TheoryData<string> SourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Baselines, "main.cpt", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(TestPaths.Examples, "*.cpt")).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.RepositoryRoot, file));
        return data;
    }

    /// <summary>The corpus cases written to have syntax errors: the formatter refuses them.
    /// Every other file, examples included, must parse and is checked.</summary>
    static readonly HashSet<string> WithSyntaxErrors =
    [
        "BinaryFile", "InvalidCharacter", "MissingBrace", "MissingToken", "RunWithoutName", "SumOfBrokenLaw",
        "TooManyErrors", "TruncatedAfterRunHeader", "TruncatedFile", "UnexpectedToken", "UnterminatedComment",
    ];

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void IsIdempotentAndLossless(string file)
    {
        var tree = SyntaxTree.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, file)));
        bool expectErrors = Path.GetFileName(Path.GetDirectoryName(file)) is { } dir && WithSyntaxErrors.Contains(dir)
            && file.StartsWith(Path.GetRelativePath(TestPaths.RepositoryRoot, TestPaths.Baselines), StringComparison.Ordinal);
        Assert.Equal(expectErrors, tree.Diagnostics.Any(d => d.IsError));
        if (expectErrors) Assert.Throws<InvalidOperationException>(() => Formatter.Format(tree));
        else FrontEndInvariants.FormatterInvariants(tree);
    }

    [Fact]
    public void EveryCaseExpectedToHaveSyntaxErrorsExists() =>
        Assert.All(WithSyntaxErrors, c => Assert.True(File.Exists(Path.Combine(TestPaths.Baselines, c, "main.cpt")), c));
}
