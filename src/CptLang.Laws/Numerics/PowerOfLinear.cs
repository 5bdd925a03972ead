using System.Runtime.CompilerServices;
namespace CptLang.Laws.Numerics;

/// <summary>
/// <c>f(k) = x(k)^p</c> with <c>x(k) = (b0 + b1·k)/den</c>: the form of every schedule shape
/// that has no closed-form sum (1-sqrt, √(1−r), <c>(1−r)^p</c>, inverse square root). Sums of
/// <c>f</c> over long ranges use the Euler–Maclaurin formula with a rigorous remainder bound and
/// add the terms near the branch point <c>x = 0</c> one by one.
/// </summary>
internal readonly struct PowerOfLinear
{
    // B_{2i}/(2i)! for i = 1..8.
    static readonly double[] BernoulliOverFactorial =
    [
        1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160,
        -691.0 / 1307674368000, 1.0 / 74724249600, -3617.0 / 10670622842880000,
    ];

    const int CorrectionTerms = 8;

    // |R_P| ≤ 2ζ(2P)/(2π)^{2P} · ∫|f^{(2P)}|, ζ(16) = 1.0000152822594...
    static readonly double RemainderFactor = 2 * 1.0000152822594087 / Math.Pow(2 * Math.PI, 2 * CorrectionTerms);

    /// <summary>The remainder allowed relative to the sum: far below double precision.</summary>
    const double RemainderTolerance = 1.0 / (1L << 60);

    public PowerOfLinear(double b0, double b1, double den, double p)
    {
        B0 = b0; B1 = b1; Den = den; P = p;
    }

    public double B0 { get; }
    public double B1 { get; }
    public double Den { get; }
    public double P { get; }

    public double X(double k) => (B0 + B1 * k) / Den;

    public double Value(double k) => Pow(X(k));

    public double Pow(double x) => P switch
    {
        0.5 => Math.Sqrt(x),
        -0.5 => 1 / Math.Sqrt(x),
        1 => x,
        _ => Math.Pow(x, P),
    };

    /// <summary><c>x(k1)^p − x(k2)^p</c> without cancellation between close arguments.</summary>
    public double Difference(long k1, long k2)
    {
        double x1 = X(k1), x2 = X(k2);
        // Far apart, the plain difference loses nothing (and log1p near −1 would).
        if (x2 == 0 || x1 == 0 || x1 < 0.5 * x2 || x1 > 2 * x2) return Pow(x1) - Pow(x2);
        // Close: x1^p − x2^p = x2^p·expm1(p·log1p((x1 − x2)/x2)), with x1 − x2 = b1(k1 − k2)/den.
        return Pow(x2) * StableMath.Expm1(P * StableMath.Log1p(B1 * (k1 - k2) / Den / x2));
    }

    /// <summary><c>Σ_{k=a}^{b} f(k)</c>; <c>x</c> must be positive on <c>[a, b]</c> except
    /// possibly at an end that is the branch point itself.</summary>
    public double Sum(long a, long b) => Sum(a, b, null);

    /// <summary><see cref="Sum(long, long)"/>, keeping the steps summed one by one next to the
    /// branch point in <paramref name="memo"/>: a kernel's queries all start at its first step,
    /// so that part is the same for each of them.</summary>
    public double Sum(long a, long b, DirectSumMemo? memo)
    {
        if (b < a) return 0;
        if (B1 == 0) return (b - a + 1) * Value(a);
        double branch = -B0 / B1;
        // Start with a direct zone of 32 steps (scaled with |p|: the derivatives grow like
        // (p/distance)^j) and widen it until the remainder bound is negligible.
        for (double zone = 32 * Math.Max(1, Math.Abs(P)); ; zone *= 4)
        {
            long ea = a, eb = b;
            if (branch <= a) ea = Math.Max(a, (long)Math.Ceiling(branch + zone));
            else eb = Math.Min(b, (long)Math.Floor(branch - zone));
            if (eb - ea < 2 * zone) return Direct(a, b);
            double euler = EulerMaclaurin(ea, eb, out double bound);
            double head = memo is null ? Direct(a, ea - 1) : memo.Get(this, a, ea - 1);
            double total = euler + head + Direct(eb + 1, b);
            if (bound <= RemainderTolerance * Math.Abs(total)) return total;
        }
    }

    // Hot loop: compiled optimised at once, not after tier-0 warm-up (a CLI run is one call).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal double Direct(long a, long b)
    {
        double sum = 0;
        for (long k = a; k <= b; k++) sum += Value(k);
        return sum;
    }

    /// <summary>Euler–Maclaurin with <see cref="CorrectionTerms"/> Bernoulli corrections. Every
    /// derivative of a power of a positive linear function has constant sign on the range, so
    /// <c>∫|f^{(2P)}| = |f^{(2P−1)}(b) − f^{(2P−1)}(a)|</c> and the bound is exact to compute.</summary>
    double EulerMaclaurin(long a, long b, out double remainderBound)
    {
        double xa = X(a), xb = X(b), fa = Pow(xa), fb = Pow(xb);
        double slope = B1 / Den, q = P + 1;
        double logRatio = StableMath.Log1p(B1 * (b - a) / Den / xa);
        double integral = Math.Pow(xa, q) * StableMath.Expm1(q * logRatio) / (q * slope);
        double sum = integral + (fa + fb) / 2;
        double da = fa, db = fb;
        double stepA = slope / xa, stepB = slope / xb;
        for (int j = 1; j < 2 * CorrectionTerms; j++)
        {
            da *= (P - (j - 1)) * stepA;
            db *= (P - (j - 1)) * stepB;
            if (j % 2 == 1) sum += BernoulliOverFactorial[j / 2] * (db - da);
        }
        remainderBound = RemainderFactor * Math.Abs(db - da);
        return sum;
    }
}

/// <summary>The last direct sum <see cref="PowerOfLinear.Sum(long, long, DirectSumMemo?)"/> needed
/// (an immutable entry swapped in whole, so threads may share it).</summary>
internal sealed class DirectSumMemo
{
    sealed record Entry(long From, long To, double Value);

    Entry? last;

    public double Get(in PowerOfLinear power, long from, long to)
    {
        var entry = Volatile.Read(ref last);
        if (entry is not null && entry.From == from && entry.To == to) return entry.Value;
        double value = power.Direct(from, to);
        Volatile.Write(ref last, new Entry(from, to, value));
        return value;
    }
}
