using CptLang.Laws.Numerics;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Areas.Kernels;

/// <summary>
/// Shapes of the form <c>g(k) = offset + scale·x(k)^p</c> with <c>x</c> linear in <c>k</c>
/// (1-sqrt, √(1−r), <c>(1−r)^p</c>, inverse square root), which have no closed-form momentum.
/// <list type="bullet">
/// <item>Forward area: Euler–Maclaurin on <c>x^p</c> (<see cref="PowerOfLinear.Sum"/>), exact to
/// a rigorous remainder below 2^−60 of the sum; O(1) in the segment length.</item>
/// <item>Momentum: Euler–Maclaurin on the λ-weighted drops (<see cref="PowerMomentum"/>), with a
/// rigorous remainder below 2^−56 of the result; O(1) in the segment length and in λ, walking
/// at most a zone of 64 steps next to the branch point (more only for powers above 8).</item>
/// </list>
/// </summary>
internal sealed class PowerAreaKernel : AreaKernel
{
    readonly double offset, scale;
    readonly PowerOfLinear power;
    readonly PowerMomentum momentum;
    readonly DirectSumMemo head = new();

    PowerAreaKernel(long length, double from, double to, MomentumDecay decay, double offset, double scale, PowerOfLinear power)
        : base(length, from, to, decay)
    {
        this.offset = offset;
        this.scale = scale;
        this.power = power;
        momentum = new PowerMomentum(power, decay, length);
    }

    /// <summary>The momentum sums of <c>x^p</c> (for tests).</summary>
    internal PowerMomentum PowerMomentum => momentum;

    public override bool IsClosedForm => false;

    public static PowerAreaKernel For(Kernel kernel, long length, MomentumDecay decay)
    {
        double from = kernel.From, to = kernel.To, d = from - to, n = length;
        return kernel.Shape switch
        {
            // From − D·√(k/n)
            Shape.OneMinusSqrt => new(length, from, to, decay, from, -d, new PowerOfLinear(0, 1, n, 0.5)),
            // To + D·√((n − k)/n)
            Shape.SqrtOfOneMinus => new(length, from, to, decay, to, d, new PowerOfLinear(n, -1, n, 0.5)),
            // To + D·((n − k)/n)^p
            Shape.Polynomial => new(length, from, to, decay, to, d, new PowerOfLinear(n, -1, n, kernel.Exponent)),
            // From·(1 + c·k/n)^(−1/2)
            Shape.InverseSqrt => new(length, from, to, decay, 0, from, new PowerOfLinear(n, kernel.InverseSqrtRate, n, -0.5)),
            _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel.Shape, "not a power-of-linear shape"),
        };
    }

    public override double LearningRate(long k) =>
        k <= 0 ? From : k >= Length ? To : offset + scale * power.Value(k);

    public override KernelAreas At(long k)
    {
        // The last step is To exactly (as Kernel.LearningRate has it), not the power formula's
        // rounding of it: near a branch point (inverse sqrt with To ≫ From) the two differ in
        // the tenth digit, and the annealing identity would magnify that by 1/(1 − λ).
        long inner = Math.Min(k, Length - 1);
        double forward = inner * offset + scale * power.Sum(1, inner, head) + (k == Length ? To : 0);
        double dropSoFar = k == Length ? Drop : scale * power.Difference(0, k);
        double momentum = Momentum(k);
        return new(LearningRate(k), forward, momentum, AnnealingFrom(dropSoFar, momentum));
    }

    public override double ForwardArea(long k)
    {
        if (k <= 0) return 0;
        long inner = Math.Min(k, Length - 1);
        return inner * offset + scale * power.Sum(1, inner, head) + (k == Length ? To : 0);
    }

    /// <summary><c>Σ_{i≤k} λ^{k−i}(g(i−1) − g(i))</c>: the formula for the steps before the
    /// last, whose LR is <c>To</c> exactly (as <see cref="LearningRate"/> has it).</summary>
    double Momentum(long k)
    {
        if (k < Length) return scale * momentum.Sum(k);
        return Decay.Lambda * scale * momentum.Sum(Length - 1) + (LearningRate(Length - 1) - To);
    }
}
