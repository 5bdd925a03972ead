namespace CptLang.Laws.Numerics;

/// <summary>
/// The momentum decay <c>λ</c> of the annealing area and the geometric quantities every
/// kernel needs, each computed from <c>ln λ = log1p(−(1 − λ))</c> so that nothing cancels when
/// <c>λ</c> is close to 1 or a segment is short.
/// </summary>
internal readonly struct MomentumDecay
{
    public MomentumDecay(double lambda)
    {
        if (!(lambda > 0 && lambda < 1))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "the momentum decay λ must lie in (0, 1)");
        Lambda = lambda;
        OneMinusLambda = 1 - lambda; // exact for λ in [0.5, 1) (Sterbenz)
        LogLambda = StableMath.Log1p(-OneMinusLambda);
    }

    public double Lambda { get; }
    public double OneMinusLambda { get; }
    public double LogLambda { get; }

    /// <summary><c>λ^k</c>.</summary>
    public double Power(long k) => Math.Exp(k * LogLambda);

    /// <summary><c>Σ_{j=0}^{k−1} λ^j = (1 − λ^k)/(1 − λ)</c>.</summary>
    public double GeometricSum(long k) => GeometricSums.Ratio(k, LogLambda);

    /// <summary><c>Σ_{j=0}^{k−1} λ^j·(k − j)</c>: the momentum of <c>k</c> unit drops, each
    /// one step older; written with <c>exp(x) − 1 − x</c> so that it stays exact for
    /// <c>k(1 − λ) ≪ 1</c>.</summary>
    public double RampSum(long k)
    {
        double a = LogLambda, e1 = StableMath.Expm1(a);
        return (StableMath.Expm1MinusX((k + 1) * a) - (k + 1) * StableMath.Expm1MinusX(a)) / (e1 * e1);
    }
}
