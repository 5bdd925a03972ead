using CptLang.Laws.Numerics;

namespace CptLang.Laws.Areas.Kernels;

/// <summary><c>g(k) = To + D·(1 − (k/n)²)</c>: the drops <c>D(2i − 1)/n²</c> grow linearly, so
/// the momentum is <c>(D/n²)·(2·RampSum − GeometricSum)</c>.</summary>
internal sealed class SquareAreaKernel(long length, double from, double to, MomentumDecay decay)
    : AreaKernel(length, from, to, decay)
{
    public override double LearningRate(long k)
    {
        if (k >= Length) return To;
        double n = Length;
        return To + Drop * ((n - k) / n) * ((n + k) / n);
    }

    // g(k − 1) − g(k) = D·(k² − (k − 1)²)/n² = D·(2k − 1)/n²
    public override double DropAt(long k) => Drop * ((2.0 * k - 1) / Length) / Length;

    public override KernelAreas At(long k)
    {
        double n = Length, r = k / n;
        double dropSoFar = Drop * r * r;
        // Σ k'² = k(k+1)(2k+1)/6, scaled by 1/n² factor by factor to stay in range.
        double squares = r * ((k + 1) / n) * (2.0 * k + 1) / 6;
        double forward = Drop >= 0
            ? k * To + Drop * (k - squares)
            : k * From - Drop * squares;
        double momentum = Drop / (n * n) * (2 * Decay.RampSum(k) - Decay.GeometricSum(k));
        return new(LearningRate(k), forward, momentum, AnnealingFrom(dropSoFar, momentum));
    }
}
