using CptLang.Laws.Numerics;
using CptLang.Laws.Tests.Support;

namespace CptLang.Laws.Tests.Numerics;

/// <summary>Euler–Maclaurin sums of powers of a linear function against compensated direct sums.</summary>
public class PowerOfLinearTests
{
    public static TheoryData<double, double, double, double, long, long> Cases => new()
    {
        // b0, b1, den, p, a, b: the four schedule shapes' forms, near and far from the branch point.
        { 0, 1, 1e6, 0.5, 1, 1_000_000 },          // 1-sqrt: √(k/n), branch at k = 0
        { 0, 1, 1e7, 0.5, 5_000_000, 9_999_999 },
        { 1e6, -1, 1e6, 0.5, 1, 999_999 },        // √(1 − r), branch at k = n
        { 1e6, -1, 1e6, 3.7, 1, 1_000_000 },      // (1 − r)^p
        { 1e6, -1, 1e6, 0.25, 100, 999_000 },
        { 1e6, -1, 1e6, 2, 1, 1_000_000 },        // integer p: Euler–Maclaurin is exact
        { 1e5, 99, 1e5, -0.5, 1, 100_000 },       // inverse sqrt, From/To = 10
        { 1e5, 1e6, 1e5, -0.5, 1, 100_000 },      // inverse sqrt, From/To ≈ 1000: steep at the start
        { 1e5, -0.99, 1e5, -0.5, 1, 100_000 },    // rising inverse sqrt, To/From = 10: steep at the end
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sums_agree_with_direct_summation_to_1e_13(double b0, double b1, double den, double p, long a, long b)
    {
        var f = new PowerOfLinear(b0, b1, den, p);
        var direct = new ReferenceAreas.Neumaier();
        for (long k = a; k <= b; k++) direct.Add(Math.Pow((b0 + b1 * k) / den, p));
        double sum = f.Sum(a, b);
        Assert.True(Math.Abs(sum - direct.Value) <= 1e-13 * Math.Abs(direct.Value), $"{sum:R} vs {direct.Value:R}");
    }

    [Fact]
    public void Differences_of_close_and_far_arguments_keep_their_digits()
    {
        var root = new PowerOfLinear(0, 1, 1e9, 0.5);
        // √(k/n) between neighbours deep in a 10⁹-step segment: 1/(2√(kn)) to first order.
        double d = root.Difference(500_000_001, 500_000_000);
        double exact = (Math.Sqrt(500_000_001.0) - Math.Sqrt(500_000_000.0)) / Math.Sqrt(1e9);
        double rationalised = 1 / (Math.Sqrt(500_000_001.0) + Math.Sqrt(500_000_000.0)) / Math.Sqrt(1e9);
        Assert.Equal(rationalised, d, 1e-13 * rationalised);
        Assert.True(Math.Abs(exact - rationalised) > Math.Abs(d - rationalised), "the naive difference is the less exact one");
        Assert.Equal(root.Value(9) - root.Value(1), root.Difference(9, 1), 1e-16);
    }
}
