using CptLang.Laws.Numerics;

namespace CptLang.Laws.Areas.Kernels;

/// <summary><c>g(k) = From</c> for <c>k &lt; n</c> and <c>To</c> at <c>k = n</c> (the two are
/// equal for a constant shape; a peak-counted warmup is <c>To</c> throughout).</summary>
internal sealed class ConstantAreaKernel(long length, double from, double to, MomentumDecay decay)
    : AreaKernel(length, from, to, decay)
{
    public override double LearningRate(long k) => k < Length ? From : To;

    public override KernelAreas At(long k)
    {
        if (k < Length) return new(From, k * From, 0, 0);
        // A last step that differs is one drop: it enters both sums once.
        double drop = From - To;
        return new(To, (Length - 1) * From + To, drop, drop);
    }
}
