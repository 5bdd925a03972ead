using CptLang.Laws.Fitting;

namespace CptLang.Laws.Tests.Fitting;

public class OodWeightFitterTests
{
    [Fact]
    public void Weights_of_an_exact_sum_are_recovered()
    {
        var random = new Random(4);
        var general = Enumerable.Range(0, 50).Select(_ => 3 + random.NextDouble()).ToArray();
        var domain = Enumerable.Range(0, 50).Select(_ => 2.5 + random.NextDouble()).ToArray();
        var ood = general.Zip(domain, (g, d) => 1.409 * g - 0.516 * d).ToArray();
        var (weights, ssr) = OodWeightFitter.Fit([general, domain], ood);
        Assert.Equal(1.409, weights[0], 1e-10);
        Assert.Equal(-0.516, weights[1], 1e-10);
        Assert.True(ssr < 1e-20);
    }

    [Fact]
    public void Weights_minimise_the_squared_residuals()
    {
        double[] a = [1, 2, 3, 4], b = [1, 1, 2, 2], y = [2.1, 2.9, 5.2, 5.8];
        var (w, ssr) = OodWeightFitter.Fit([a, b], y);
        double Ssr(double k1, double k2) => y.Select((v, i) => Math.Pow(k1 * a[i] + k2 * b[i] - v, 2)).Sum();
        Assert.Equal(Ssr(w[0], w[1]), ssr, 1e-12);
        foreach (var (d1, d2) in new[] { (1e-3, 0.0), (-1e-3, 0.0), (0.0, 1e-3), (0.0, -1e-3) })
            Assert.True(Ssr(w[0] + d1, w[1] + d2) > ssr);
    }
}
