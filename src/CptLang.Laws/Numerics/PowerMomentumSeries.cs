namespace CptLang.Laws.Numerics;

/// <summary>
/// The momentum <c>M(k) = Σ_{t=0}^{k−1} λ^t·Δ(k − t)</c> of <c>f = x^p</c> (<see cref="PowerOfLinear"/>),
/// <c>Δ(s) = f(s − 1) − f(s)</c>, in O(1): Δ is expanded in a Taylor series around <c>s = k</c> and
/// <c>Σ_t λ^t t^n = Li_{−n}(λ)</c> (Eulerian polynomials, all terms positive), so
/// <c>M(k) ≈ Σ_{n&lt;N} (−1)^n Δ^{(n)}(k)/n!·Li_{−n}(λ)</c>, an asymptotic series in
/// <c>1/(d(1 − λ))</c>, <c>d</c> the distance to the branch point in steps.
/// <para>Every term comes with a rigorous bound (docs/laws.md §7), and the answer is refused unless
/// their sum is below 2^−56 of the result. With a window <c>T &lt; k</c> (<c>λ^T ≤ e^−45</c>, longer
/// where the segment's whole drop dwarfs the momentum):</para>
/// <list type="bullet">
/// <item>steps older than <c>T</c>: <c>λ^T·|M(k − T)| ≤ λ^T·|f(0) − f(k)|</c> (monotone segment);</item>
/// <item>Taylor remainder inside the window: <c>sup|Δ^{(N)}|·Li_{−N}(λ)/N!</c>, the sup over
/// <c>[k − T, k]</c> taken where <c>x</c> is smallest, since <c>|f^{(N+1)}| ∝ x^{p−N−1}</c> is monotone;</item>
/// <item>the polynomial's own tail beyond <c>T</c>: <c>Σ_{t≥T} λ^t t^n ≤ λ^T T^n/(1 − λe^{n/T})</c>.</item>
/// </list>
/// </summary>
internal sealed class PowerMomentumSeries
{
    const int MaxTerms = 40;
    /// <summary>The least <c>T·(−ln λ)</c>, the window's length in decay times; above
    /// <see cref="MaxTerms"/> so that every <c>1 − λe^{n/T}</c> of the tail bound is positive.</summary>
    const double MinWindowDecays = 45;
    const double Tolerance = 1.0 / (1L << 56);

    readonly PowerOfLinear power;
    readonly double rho, logLambda;
    /// <summary><c>a_n = Li_{−n}(λ)·(1 − λ)^{n+1}/n!</c>, in (0, 1].</summary>
    readonly double[] weights;

    public PowerMomentumSeries(PowerOfLinear power, MomentumDecay decay)
    {
        this.power = power;
        logLambda = decay.LogLambda;
        rho = 1 / decay.OneMinusLambda;
        Window = WindowFor(MinWindowDecays);
        weights = EulerianWeights(decay.Lambda, MaxTerms + 1);
    }

    /// <summary>The shortest window <c>T</c>: queries need <c>k &gt; T</c>.</summary>
    public long Window { get; }

    long WindowFor(double decays) => (long)Math.Ceiling(decays / -logLambda);

    /// <summary><c>a_0 = 1</c>, <c>a_n = λ·A_n(λ)/n!</c> with the Eulerian polynomial
    /// <c>A_n(λ) = Σ_m A(n, m) λ^m</c>; <c>A(n, m)/n!</c> is built directly (positive recurrence).</summary>
    static double[] EulerianWeights(double lambda, int count)
    {
        var a = new double[count];
        a[0] = 1;
        var e = new double[count];
        e[0] = 1; // A(1, 0)/1! = 1
        for (int n = 1; n < count; n++)
        {
            if (n > 1)
                for (int m = n - 1; m >= 0; m--)
                    e[m] = ((m + 1) * e[m] + (m > 0 ? (n - m) * e[m - 1] : 0)) / n;
            double sum = 0;
            for (int m = n - 1; m >= 0; m--) sum = sum * lambda + e[m];
            a[n] = lambda * sum;
        }
        return a;
    }

    /// <summary><c>M(k)</c> for <c>f = x^p</c>, or false where the error bound is not met (near the
    /// branch point, <c>k ≤ T</c>, or <c>d(1 − λ)</c> too small for the asymptotic series).</summary>
    public bool TryMomentum(long k, out double momentum)
    {
        momentum = 0;
        if (k <= Window) return false;
        double x = power.X(k), xPrev = power.X(k - 1);
        if (!(x > 0 && xPrev > 0)) return false;
        double p = power.P, slope = power.B1 / power.Den;
        double q = -slope * rho / x;
        double step = StableMath.Log1p(-slope / x); // ln(x(k − 1)/x(k))
        double xp = power.Pow(x);

        // The window: λ^T·|f(0) − f(k)| (doubled for rounding) at most a quarter of the
        // tolerance of the first term ρΔ(k), which the sum is close to.
        double total = Math.Abs(power.Difference(0, k));
        double first = Math.Abs(rho * xp * StableMath.Expm1(p * step));
        if (!(first > 0 && total > 0)) return false;
        double decays = Math.Max(MinWindowDecays, Math.Log(8 * total / (Tolerance * first)));
        long window = WindowFor(decays);
        if (!(k > window)) return false;
        double windowWeight = Math.Exp(window * logLambda), windowDecays = window / rho;
        double older = 2 * windowWeight * total;
        double xOld = power.X(k - window);
        if (!(xOld > 0)) return false;
        double xMin = Math.Min(x, xOld), xMinP = power.Pow(xMin), qMin = Math.Abs(slope * rho / xMin);
        double sum = 0, polyTail = 0;
        double c = 1;         // (p)_n↓·q^n
        double g = qMin * Math.Abs(p); // |(p)_{n+1}↓|·qMin^{n+1}
        double h = windowWeight; // λ^T·L^n/n!, L = T(1 − λ)
        for (int n = 0; n < MaxTerms; n++)
        {
            double term = rho * xp * weights[n] * StableMath.Expm1((p - n) * step) * c;
            sum += term;
            double tailDenominator = -StableMath.Expm1(logLambda + (double)n / window); // 1 − λe^{n/T} > 0
            polyTail += Math.Abs(term) * h / (weights[n] * rho * tailDenominator);
            // Remainder after n + 1 terms: a_{n+1}·xMin^p·|(p)_{n+2}↓|·qMin^{n+2}.
            g *= Math.Abs(p - (n + 1)) * qMin;
            double remainder = weights[n + 1] * xMinP * g;
            if (n + 2 > p && older + polyTail + remainder <= Tolerance * Math.Abs(sum))
            {
                momentum = sum;
                return true;
            }
            c *= (p - n) * q;
            h *= windowDecays / (n + 1);
            if (c == 0 && remainder == 0) break; // integer p: the series has ended
        }
        return false;
    }
}
