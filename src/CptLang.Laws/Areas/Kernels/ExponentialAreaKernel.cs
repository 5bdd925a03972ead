using CptLang.Laws.Numerics;

namespace CptLang.Laws.Areas.Kernels;

/// <summary><c>g(k) = From·ρ^k</c>, <c>ρ = (To/From)^{1/n}</c>: the drops form a geometric
/// sequence, so the momentum is a two-base geometric sum (stable when <c>ρ ≈ λ</c>).</summary>
internal sealed class ExponentialAreaKernel : AreaKernel
{
    readonly double logRatio; // ln ρ

    public ExponentialAreaKernel(long length, double from, double to, MomentumDecay decay)
        : base(length, from, to, decay)
    {
        logRatio = (Math.Log(to) - Math.Log(from)) / length;
    }

    public override double LearningRate(long k) => k >= Length ? To : From * Math.Exp(k * logRatio);

    public override KernelAreas At(long k)
    {
        double dropSoFar = -From * StableMath.Expm1(k * logRatio);
        double forward = From * Math.Exp(logRatio) * GeometricSums.Ratio(k, logRatio);
        // Δ_i = From·(1 − ρ)·ρ^{i−1}, filtered by λ^{k−i}.
        double momentum = -From * StableMath.Expm1(logRatio) * GeometricSums.TwoBase(k, Decay.LogLambda, logRatio);
        return new(LearningRate(k), forward, momentum, AnnealingFrom(dropSoFar, momentum));
    }
}
