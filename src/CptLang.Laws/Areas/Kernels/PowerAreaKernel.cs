using CptLang.Laws.Numerics;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Areas.Kernels;

/// <summary>
/// Shapes of the form <c>g(k) = offset + scale·x(k)^p</c> with <c>x</c> linear in <c>k</c>
/// (1-sqrt, √(1−r), <c>(1−r)^p</c>, inverse square root), which have no closed-form momentum.
/// <list type="bullet">
/// <item>Forward area: Euler–Maclaurin on <c>x^p</c> (<see cref="PowerOfLinear.Sum"/>), exact to
/// a rigorous remainder below 2^−60 of the sum; O(1) in the segment length.</item>
/// <item>Momentum: only the last <c>W</c> steps are walked. The drops of a monotone segment all
/// share one sign, so the older part is at most <c>λ^W·|From − To|</c> while the sum is at
/// least the part already walked; <c>W</c> is the smallest window that makes the first at most
/// 2^−56 of the second. For λ = 0.999 that is a few 10⁴ steps, whatever the segment's length.</item>
/// </list>
/// </summary>
internal sealed class PowerAreaKernel : AreaKernel
{
    const double TruncationTolerance = 1.0 / (1L << 56);
    const long ProbeSteps = 256;

    readonly double offset, scale;
    readonly PowerOfLinear power;

    PowerAreaKernel(long length, double from, double to, MomentumDecay decay, double offset, double scale, PowerOfLinear power)
        : base(length, from, to, decay)
    {
        this.offset = offset;
        this.scale = scale;
        this.power = power;
    }

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
        double forward = k * offset + scale * power.Sum(1, k);
        double dropSoFar = scale * power.Difference(0, k);
        double momentum = Momentum(k);
        return new(LearningRate(k), forward, momentum, AnnealingFrom(dropSoFar, momentum));
    }

    /// <summary><c>Σ_{i≤k} λ^{k−i}(g(i−1) − g(i))</c> over the window that the truncation bound
    /// requires (see the class comment).</summary>
    double Momentum(long k)
    {
        long probe = Math.Min(k, ProbeSteps);
        double recent = Walk(k - probe, k, 0);
        if (probe == k) return recent;
        double lowerBound = Math.Abs(recent), totalDrop = Math.Abs(Drop);
        long window = k;
        if (lowerBound > 0)
        {
            double steps = Math.Log(TruncationTolerance * lowerBound / totalDrop) / Decay.LogLambda;
            window = steps >= k ? k : Math.Max(probe, (long)Math.Ceiling(steps));
        }
        return window == probe ? recent : Walk(k - window, k, 0);
    }

    /// <summary>Runs <c>m ← λm + (g(i−1) − g(i))</c> for <c>i = start+1..end</c>.</summary>
    double Walk(long start, long end, double momentum)
    {
        double lambda = Decay.Lambda, previous = LearningRate(start);
        for (long i = start + 1; i <= end; i++)
        {
            double current = LearningRate(i);
            momentum = lambda * momentum + (previous - current);
            previous = current;
        }
        return momentum;
    }
}
