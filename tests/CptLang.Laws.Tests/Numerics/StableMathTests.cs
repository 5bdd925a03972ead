using CptLang.Laws.Numerics;

namespace CptLang.Laws.Tests.Numerics;

public class StableMathTests
{
    [Theory]
    [InlineData(1e-12)]
    [InlineData(-3e-9)]
    [InlineData(1e-5)]
    [InlineData(0.3)]
    [InlineData(-0.7)]
    [InlineData(5)]
    public void Expm1_and_log1p_keep_full_precision_near_zero(double x)
    {
        // Series to many terms as the reference.
        double series = 0, term = 1;
        for (int j = 1; j < 60; j++) { term *= x / j; series += term; }
        Assert.Equal(series, StableMath.Expm1(x), Math.Abs(series) * 4e-16);
        Assert.Equal(x, StableMath.Log1p(StableMath.Expm1(x)), Math.Abs(x) * 8e-16);
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(-2e-3)]
    [InlineData(0.9)]
    [InlineData(-30)]
    public void Second_remainder_of_the_exponential(double x)
    {
        double series = 0, term = x;
        for (int j = 2; j < 200; j++) { term *= x / j; series += term; if (Math.Abs(term) < 1e-30 * Math.Abs(series)) break; }
        double expected = Math.Abs(x) < 5 ? series : Math.Exp(x) - 1 - x;
        Assert.Equal(expected, StableMath.Expm1MinusX(x), Math.Abs(expected) * 1e-15);
    }

    [Fact]
    public void X_minus_sin_is_exact_for_tiny_angles()
    {
        double y = 1e-6;
        Assert.Equal(y * y * y / 6 - Math.Pow(y, 5) / 120, StableMath.XMinusSin(y), 1e-34);
        Assert.Equal(Math.PI, StableMath.XMinusSin(Math.PI), 1e-15);
    }

    [Fact]
    public void Two_base_geometric_sums_survive_equal_bases()
    {
        const double a = -1e-3;
        Assert.Equal(1000 * Math.Exp(999 * a), GeometricSums.TwoBase(1000, a, a), 1e-12);
        double near = GeometricSums.TwoBase(1000, a, a * (1 + 1e-12));
        Assert.Equal(1000 * Math.Exp(999 * a), near, 1e-9);
        // A slow decay through a fast filter: no overflow at 10⁹ steps.
        Assert.True(double.IsFinite(GeometricSums.TwoBase(1_000_000_000, -0.1, -1e-9)));
    }
}
