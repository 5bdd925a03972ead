using CptLang.Syntax;
using CsCheck;

namespace CptLang.Tests;

public class NumberLiteralTests
{
    [Theory]
    [InlineData("40k", 40_000)]
    [InlineData("1_000", 1000)]
    [InlineData("1.5B", 1.5e9)]
    [InlineData("106M", 106e6)]
    [InlineData(".5", 0.5)]
    [InlineData("2e-4", 2e-4)]
    [InlineData("1e+3k", 1e6)]
    public void ReadsTheLanguagesNumbers(string text, double value)
    {
        Assert.True(NumberLiteral.TryParse(text, out double actual));
        Assert.Equal(value, actual);
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]
    [InlineData("x")]
    [InlineData("1kk")]
    [InlineData("1,000")]
    public void RefusesWhatIsNotANumber(string text)
    {
        Assert.False(NumberLiteral.TryParse(text, out _));
        Assert.Equal(double.PositiveInfinity, NumberLiteral.Parse(text));
    }

    [Theory]
    [InlineData(3e-5, NumberSpelling.RoundTrip, "3e-05")]
    [InlineData(1e20, NumberSpelling.RoundTrip, "1e+20")]
    [InlineData(0.1 + 0.2, NumberSpelling.RoundTrip, "0.30000000000000004")]
    [InlineData(0.1 + 0.2, NumberSpelling.TenDigits, "0.3")]
    [InlineData(1e10, NumberSpelling.TenDigits, "1e10")]
    [InlineData(3e-5, NumberSpelling.TenDigits, "3e-05")]
    [InlineData(2e-5, NumberSpelling.SixDigits, "2e-5")]
    [InlineData(1234567, NumberSpelling.SixDigits, "1.23457e6")]
    public void EachSpellingAsItsWriterWrites(double value, NumberSpelling spelling, string text) =>
        Assert.Equal(text, NumberLiteral.Format(value, spelling));

    [Fact]
    public void FormatThenParseRoundTrips()
    {
        Gen.Double.Where(double.IsFinite).Sample(x =>
        {
            Assert.True(NumberLiteral.TryParse(NumberLiteral.Format(x), out double exact));
            Assert.Equal(x, exact);
            foreach (var (spelling, digits) in new[] { (NumberSpelling.TenDigits, 1e-9), (NumberSpelling.SixDigits, 1e-5) })
            {
                Assert.True(NumberLiteral.TryParse(NumberLiteral.Format(x, spelling), out double rounded));
                Assert.True(Math.Abs(rounded - x) <= digits * Math.Abs(x), $"{x} {spelling}");
            }
        }, iter: 5000);
    }

    /// <summary>What the writers put in source lexes as one NUMBER token, sign aside.</summary>
    [Fact]
    public void FormattedNumbersAreNumberTokens()
    {
        Gen.Double[0, 1e300].Sample(x =>
        {
            foreach (var spelling in Enum.GetValues<NumberSpelling>())
            {
                var tree = SyntaxTree.Parse($"lambda {NumberLiteral.Format(x, spelling)}");
                Assert.Empty(tree.Diagnostics);
                Assert.Equal(NumberLiteral.Format(x, spelling), Assert.IsType<PropertySyntax>(tree.Root.Members.Single()).DescendantTokens().ElementAt(1).Text);
            }
        }, iter: 2000);
    }
}
