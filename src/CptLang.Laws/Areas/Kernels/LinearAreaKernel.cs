using CptLang.Laws.Numerics;

namespace CptLang.Laws.Areas.Kernels;

/// <summary><c>g(k) = To + D·(n − k)/n</c>: every step drops by the same <c>D/n</c>, so the
/// momentum is a geometric sum and the annealing area a ramp sum.</summary>
internal sealed class LinearAreaKernel(long length, double from, double to, MomentumDecay decay)
    : AreaKernel(length, from, to, decay)
{
    public override double LearningRate(long k) => k >= Length ? To : To + Drop * ((double)(Length - k) / Length);

    public override double DropAt(long k) => Drop / Length;

    public override KernelAreas At(long k)
    {
        double n = Length, step = Drop / n;
        // Σ g(i) written as a sum of non-negative parts for either direction.
        double forward = Drop >= 0
            ? k * To + Drop * k * (2 * n - k - 1) / (2 * n)
            : k * From - Drop * k * ((double)k + 1) / (2 * n);
        double momentum = step * Decay.GeometricSum(k);
        double annealing = step * Decay.RampSum(k);
        return new(LearningRate(k), forward, momentum, annealing);
    }
}
