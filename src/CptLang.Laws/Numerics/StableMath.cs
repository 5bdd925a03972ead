namespace CptLang.Laws.Numerics;

/// <summary>
/// Elementary functions without cancellation near the points where the naive formulas lose
/// their digits. .NET's <c>double.ExpM1</c>/<c>double.LogP1</c> are <c>Exp(x) − 1</c> and
/// <c>Log(1 + x)</c>, exact only far from 0, so the law engine uses these instead.
/// </summary>
internal static class StableMath
{
    /// <summary><c>log(1 + x)</c> to a few ulps (Goldberg's correction: the rounding of
    /// <c>1 + x</c> is divided out).</summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        if (u == 1) return x;
        if (double.IsInfinity(u)) return Math.Log(u);
        return Math.Log(u) * x / (u - 1);
    }

    /// <summary><c>exp(x) − 1</c> to a few ulps (Kahan's correction).</summary>
    public static double Expm1(double x)
    {
        if (x > 700) return Math.Exp(x);
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        if (um1 == -1) return -1;
        return um1 * x / Math.Log(u);
    }

    /// <summary><c>exp(x) − 1 − x</c>, the second remainder of the exponential series, which
    /// the polynomial-times-geometric sums are written in.</summary>
    public static double Expm1MinusX(double x)
    {
        if (Math.Abs(x) >= 1) return Expm1(x) - x;
        // Σ_{j≥2} x^j/j!: at |x| < 1 the terms fall faster than 1/j!, 20 of them reach 1e-19.
        double term = x * x / 2, sum = term;
        for (int j = 3; j < 24 && Math.Abs(term) > 1e-19 * Math.Abs(sum); j++)
        {
            term *= x / j;
            sum += term;
        }
        return sum;
    }

    /// <summary><c>y − sin y</c> for <c>y ≥ 0</c>, which cosine sums need where both terms are
    /// nearly equal.</summary>
    public static double XMinusSin(double y)
    {
        if (y >= 1) return y - Math.Sin(y);
        // Σ_{j≥1} (−1)^{j+1} y^{2j+1}/(2j+1)!
        double y2 = y * y, term = y * y2 / 6, sum = term;
        for (int j = 2; j < 16 && Math.Abs(term) > 1e-19 * Math.Abs(sum); j++)
        {
            term *= -y2 / ((2 * j) * (2 * j + 1));
            sum += term;
        }
        return sum;
    }

    /// <summary><c>sin(π·k/n)</c> for <c>0 ≤ k ≤ n</c>, reduced to the nearer end so that
    /// values near <c>k = n</c> keep their relative precision.</summary>
    public static double SinPiRatio(long k, long n) => Math.Sin(Math.PI * ((double)Math.Min(k, n - k) / n));

    /// <summary><c>cos(π·k/n)</c> for <c>0 ≤ k ≤ n</c>, reduced the same way.</summary>
    public static double CosPiRatio(long k, long n) =>
        2 * k <= n ? Math.Cos(Math.PI * ((double)k / n)) : -Math.Cos(Math.PI * ((double)(n - k) / n));
}
