using CptLang.Laws.Numerics;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Areas.Kernels;

/// <summary>What the first <c>k</c> steps of a segment contribute on their own, with no
/// momentum carried in and no jump at the segment's start.</summary>
/// <param name="LearningRate"><c>g(k)</c>.</param>
/// <param name="ForwardArea"><c>Σ_{i=1..k} g(i)</c>.</param>
/// <param name="Momentum"><c>Σ_{i=1..k} λ^{k−i}·(g(i−1) − g(i))</c>.</param>
/// <param name="AnnealingArea"><c>Σ_{j=1..k}</c> of the momentum above, i.e.
/// <c>Σ_{i=1..k} (g(i−1) − g(i))·(1 − λ^{k−i+1})/(1 − λ)</c>.</param>
internal readonly record struct KernelAreas(double LearningRate, double ForwardArea, double Momentum, double AnnealingArea);

/// <summary>
/// One segment's learning rate <c>g(k)</c>, <c>k = 0..n</c> (<c>g(0) = From</c>,
/// <c>g(n) = To</c>), with its forward-area and momentum sums. Closed-form kernels answer in
/// O(1) for any <c>k</c>; the others (<see cref="PowerAreaKernel"/>) in O(1) too, by Euler–Maclaurin
/// with a rigorous remainder bound.
/// </summary>
internal abstract class AreaKernel
{
    protected AreaKernel(long length, double from, double to, MomentumDecay decay)
    {
        Length = length;
        From = from;
        To = to;
        Decay = decay;
    }

    public long Length { get; }
    public double From { get; }
    public double To { get; }
    protected MomentumDecay Decay { get; }

    /// <summary><c>D = From − To</c>: positive for a decay, negative for a warmup.</summary>
    protected double Drop => From - To;

    /// <summary>True when the sums come from an exact closed form (the curve path re-takes its
    /// state from them every few thousand steps).</summary>
    public virtual bool IsClosedForm => true;

    /// <summary><c>g(k)</c> for <c>0 ≤ k ≤ n</c>.</summary>
    public abstract double LearningRate(long k);

    /// <summary>The segment's own sums after <c>1 ≤ k ≤ n</c> steps.</summary>
    public abstract KernelAreas At(long k);

    /// <summary><c>Σ_{i=1..k} g(i)</c> alone (0 for k = 0); kernels whose momentum is costly skip it.</summary>
    public virtual double ForwardArea(long k) => k <= 0 ? 0 : At(k).ForwardArea;

    /// <summary><c>g(k − 1) − g(k)</c> for <c>1 ≤ k ≤ n</c>; closed-form kernels write it without
    /// the cancellation of the difference (the Multi-Power Law sums these drops, docs/laws.md §3, Multi-Power Law).</summary>
    public virtual double DropAt(long k) => LearningRate(k - 1) - LearningRate(k);

    /// <summary>The annealing area from the drop so far and the momentum, by
    /// <c>Σ_{j≤k} m_j = (g(0) − g(k) − λ·m_k)/(1 − λ)</c>; exact when <paramref name="dropSoFar"/>
    /// is computed without cancellation.</summary>
    protected double AnnealingFrom(double dropSoFar, double momentum) =>
        (dropSoFar - Decay.Lambda * momentum) / Decay.OneMinusLambda;

    /// <summary>The kernel that sums <paramref name="kernel"/> over a segment of
    /// <paramref name="length"/> steps.</summary>
    public static AreaKernel Create(Kernel kernel, long length, MomentumDecay decay)
    {
        double from = kernel.From, to = kernel.To;
        if (from == to) return new ConstantAreaKernel(length, from, to, decay);
        return kernel.Shape switch
        {
            Shape.Constant => new ConstantAreaKernel(length, from, to, decay),
            Shape.Linear => new LinearAreaKernel(length, from, to, decay),
            Shape.Polynomial when kernel.Exponent == 1 => new LinearAreaKernel(length, from, to, decay),
            Shape.Cosine => new CosineAreaKernel(length, from, to, decay),
            Shape.Square => new SquareAreaKernel(length, from, to, decay),
            Shape.Exponential => new ExponentialAreaKernel(length, from, to, decay),
            Shape.OneMinusSqrt or Shape.SqrtOfOneMinus or Shape.Polynomial or Shape.InverseSqrt =>
                PowerAreaKernel.For(kernel, length, decay),
            _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel.Shape, "unknown schedule shape"),
        };
    }
}
