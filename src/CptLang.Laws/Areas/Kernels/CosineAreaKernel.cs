using System.Numerics;
using CptLang.Laws.Numerics;

namespace CptLang.Laws.Areas.Kernels;

/// <summary>
/// <c>g(k) = To + D·cos²(kθ)</c>, <c>θ = π/(2n)</c> (the same as <c>To + D(1 + cos πr)/2</c>).
/// The drops are the real part of a complex geometric sequence in <c>z = e^{iπ/n}</c>, so the
/// momentum is <c>(D/2)·Re[(1 − z)(λ^k − z^k)/(λ − z)]</c>; each factor is formed from
/// <c>expm1</c> and <c>2sin²</c> so that tiny angles and λ near 1 lose no digits.
/// </summary>
internal sealed class CosineAreaKernel : AreaKernel
{
    readonly double theta, sinTheta;
    readonly Complex oneMinusZ, lambdaMinusZ;

    public CosineAreaKernel(long length, double from, double to, MomentumDecay decay)
        : base(length, from, to, decay)
    {
        theta = Math.PI / (2.0 * length);
        sinTheta = Math.Sin(theta);
        double halfChord = 2 * sinTheta * sinTheta; // 1 − cos ω, ω = 2θ
        double sinOmega = StableMath.SinPiRatio(1, length);
        oneMinusZ = new Complex(halfChord, -sinOmega);
        lambdaMinusZ = new Complex(halfChord - decay.OneMinusLambda, -sinOmega);
    }

    public override double LearningRate(long k)
    {
        if (k >= Length) return To;
        // From the nearer end: a warmup from 0 keeps its tiny first values.
        if (Drop < 0)
        {
            double s = Math.Sin(k * theta);
            return From - Drop * s * s;
        }
        double c = Math.Cos(k * theta);
        return To + Drop * c * c;
    }

    // g(k) = To + D·cos²(kθ): g(k − 1) − g(k) = D·sin((2k − 1)θ)·sin θ
    public override double DropAt(long k) => Drop * Math.Sin((2 * k - 1) * theta) * sinTheta;

    public override KernelAreas At(long k)
    {
        double sinK = Math.Sin(k * theta);
        double dropSoFar = Drop * sinK * sinK;

        // Σ sin²(iθ) = [(2k+1)·sin θ − sin((2k+1)θ)]/(4 sin θ) = [φ((2k+1)θ) − (2k+1)·φ(θ)]/(4 sin θ), φ(y) = y − sin y.
        long odd = 2 * k + 1;
        double sinSquares = (StableMath.XMinusSin(odd * theta) - odd * StableMath.XMinusSin(theta)) / (4 * sinTheta);
        double forward = Drop >= 0
            ? k * To + Drop * (k - sinSquares)
            : k * From - Drop * sinSquares;

        // λ^k − z^k = (λ^k − 1) + (1 − cos kω) − i·sin kω.
        var tail = new Complex(
            StableMath.Expm1(k * Decay.LogLambda) + 2 * sinK * sinK,
            -StableMath.SinPiRatio(k, Length));
        double momentum = 0.5 * Drop * (oneMinusZ * tail / lambdaMinusZ).Real;
        return new(LearningRate(k), forward, momentum, AnnealingFrom(dropSoFar, momentum));
    }
}
