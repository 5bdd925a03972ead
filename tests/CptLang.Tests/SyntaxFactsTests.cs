using CptLang.Syntax;
using CsCheck;

namespace CptLang.Tests;

public class SyntaxFactsTests
{
    [Theory]
    [InlineData("fineweb", true)]
    [InlineData("knowledge-pile", true)]
    [InlineData("a-1-b_2", true)]
    [InlineData("_x9", true)]
    [InlineData("runs", true)]
    [InlineData("cosine", true)]
    [InlineData("", false)]
    [InlineData("9bad", false)]
    [InlineData("a-", false)]
    [InlineData("-a", false)]
    [InlineData("a--b", false)]
    [InlineData("a b", false)]
    [InlineData("a//c", false)]
    [InlineData("1-sqrt", false)]
    [InlineData("é", false)]
    public void NamesAreTheLexersIdentifiers(string text, bool valid) => Assert.Equal(valid, SyntaxFacts.IsValidName(text));

    [Fact]
    public void KeywordsAreNotNames()
    {
        var keywords = Enum.GetValues<SyntaxKind>().Where(SyntaxFacts.IsKeyword).Select(k => SyntaxFacts.Text(k)!).ToList();
        Assert.Contains("run", keywords);
        Assert.All(keywords, k => Assert.False(SyntaxFacts.IsValidName(k), k));
        Assert.All(keywords, k => Assert.True(SyntaxFacts.IsValidName(k + "-x"), k));
    }

    /// <summary>The same answer as the parser gives for a law's name (fit's check before IsValidName).</summary>
    [Fact]
    public void AgreesWithTheParser()
    {
        Gen.String[Gen.Char["ab9_- .\tlrun"], 0, 6].Sample(text =>
        {
            var tree = SyntaxTree.Parse($"law {text} {{ L0 = 1 }}");
            bool parsed = !tree.Diagnostics.Any() && tree.Root.Members is [LawDeclarationSyntax law] && law.Name.Text == text;
            Assert.True(parsed == SyntaxFacts.IsValidName(text), $"'{text}'");
        }, iter: 3000);
    }

    [Theory]
    [InlineData(Laws.Schedules.Shape.SqrtOfOneMinus, "1-sqrt", "1-sqrt-warmup")]
    [InlineData(Laws.Schedules.Shape.OneMinusSqrt, "1-sqrt", "1-sqrt")]
    [InlineData(Laws.Schedules.Shape.InverseSqrt, "inverse-sqrt", "inverse-sqrt")]
    [InlineData(Laws.Schedules.Shape.Polynomial, "polynomial(0.5)", "polynomial")]
    [InlineData(Laws.Schedules.Shape.Constant, "constant", "constant")]
    public void ShapeNames(Laws.Schedules.Shape shape, string source, string plan)
    {
        Assert.Equal(source, SyntaxFacts.ShapeName(shape, "0.5"));
        Assert.Equal(plan, SyntaxFacts.PlanShapeName(shape));
    }
}
