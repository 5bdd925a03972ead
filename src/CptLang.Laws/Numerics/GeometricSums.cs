namespace CptLang.Laws.Numerics;

/// <summary>Finite geometric sums in the form that keeps full precision when the ratio is close
/// to 1 (a slow exponential, a λ near 1) or the two bases of a two-base sum nearly coincide.</summary>
internal static class GeometricSums
{
    /// <summary><c>Σ_{j=0}^{k−1} e^{u·j}</c> for <c>u ≤ 0</c> (also correct for small
    /// <c>u &gt; 0</c> as long as <c>k·u</c> does not overflow).</summary>
    public static double Ratio(long k, double u)
    {
        if (k <= 0) return 0;
        if (u == 0) return k;
        return StableMath.Expm1(k * u) / StableMath.Expm1(u);
    }

    /// <summary><c>Σ_{i=0}^{k−1} e^{a(k−1−i)}·e^{b·i}</c>: a geometric sequence in <c>b</c>
    /// seen through an exponential filter in <c>a</c>. The larger base is factored out so the
    /// remaining ratio never exceeds 1 and nothing overflows; equal bases give <c>k·e^{a(k−1)}</c>.</summary>
    public static double TwoBase(long k, double a, double b)
    {
        if (k <= 0) return 0;
        return a >= b
            ? Math.Exp((k - 1) * a) * Ratio(k, b - a)
            : Math.Exp((k - 1) * b) * Ratio(k, a - b);
    }
}
