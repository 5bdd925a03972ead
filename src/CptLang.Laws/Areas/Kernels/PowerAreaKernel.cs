using System.Runtime.CompilerServices;
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
/// <item>Momentum of a segment no longer than a few such windows: the exact momentum every
/// <see cref="CheckpointSteps"/> steps is tabulated once (on the first query), and each query
/// walks on from the checkpoint before it. Searches that query a segment many times (peaks,
/// turning lengths, thousands of sweep candidates) then cost at most a checkpoint's steps each.</item>
/// </list>
/// </summary>
internal sealed class PowerAreaKernel : AreaKernel
{
    const double TruncationTolerance = 1.0 / (1L << 56);
    const double AbsoluteTolerance = 1.0 / (1L << 60);
    const long ProbeSteps = 256;
    const int CheckpointSteps = 1024;
    /// <summary>Segments up to this long are tabulated whatever λ (64 kB of checkpoints at most).</summary>
    const long MaxTabulated = 1L << 23;

    readonly double offset, scale;
    readonly PowerOfLinear power;
    readonly bool tabulated;
    /// <summary>The momentum after steps 0, C, 2C, … (C = <see cref="CheckpointSteps"/>); built on
    /// first use. Two threads may both build it: they build the same table.</summary>
    double[]? checkpoints;

    PowerAreaKernel(long length, double from, double to, MomentumDecay decay, double offset, double scale, PowerOfLinear power)
        : base(length, from, to, decay)
    {
        this.offset = offset;
        this.scale = scale;
        this.power = power;
        // Tabulating costs one walk of the segment: worth it when the segment is at most a few
        // of the windows a single query may walk.
        double longestWindow = Math.Log(AbsoluteTolerance * decay.OneMinusLambda) / decay.LogLambda;
        tabulated = length <= Math.Min(MaxTabulated, Math.Max(1 << 16, 4 * longestWindow));
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
        // The last step is To exactly (as Kernel.LearningRate has it), not the power formula's
        // rounding of it: near a branch point (inverse sqrt with To ≫ From) the two differ in
        // the tenth digit, and the annealing identity would magnify that by 1/(1 − λ).
        long inner = Math.Min(k, Length - 1);
        double forward = inner * offset + scale * power.Sum(1, inner) + (k == Length ? To : 0);
        double dropSoFar = k == Length ? Drop : scale * power.Difference(0, k);
        double momentum = Momentum(k);
        return new(LearningRate(k), forward, momentum, AnnealingFrom(dropSoFar, momentum));
    }

    public override double ForwardArea(long k)
    {
        if (k <= 0) return 0;
        long inner = Math.Min(k, Length - 1);
        return inner * offset + scale * power.Sum(1, inner) + (k == Length ? To : 0);
    }

    /// <summary><c>Σ_{i≤k} λ^{k−i}(g(i−1) − g(i))</c> over the window that the truncation bound
    /// requires (see the class comment). The window also never exceeds the one after which
    /// <c>λ^W·|From − To|</c> is below 2^−60·(1 − λ)·|From − To|, an absolute bound that matters
    /// where the LR is flat to double precision and the walked part rounds to zero.</summary>
    double Momentum(long k)
    {
        if (tabulated)
        {
            var table = Volatile.Read(ref checkpoints) ?? BuildCheckpoints();
            long checkpoint = k / CheckpointSteps * CheckpointSteps;
            return Walk(checkpoint, k, table[k / CheckpointSteps]);
        }
        long probe = Math.Min(k, ProbeSteps);
        double recent = Walk(k - probe, k, 0);
        if (probe == k) return recent;
        double window = Math.Log(AbsoluteTolerance * Decay.OneMinusLambda) / Decay.LogLambda;
        if (recent != 0)
            window = Math.Min(window, Math.Log(TruncationTolerance * Math.Abs(recent) / Math.Abs(Drop)) / Decay.LogLambda);
        if (window <= probe) return recent;
        return window >= k ? Walk(0, k, 0) : Walk(k - (long)Math.Ceiling(window), k, 0);
    }

    double[] BuildCheckpoints()
    {
        var table = new double[Length / CheckpointSteps + 1];
        for (int j = 1; j < table.Length; j++)
            table[j] = Walk((long)(j - 1) * CheckpointSteps, (long)j * CheckpointSteps, table[j - 1]);
        Volatile.Write(ref checkpoints, table);
        return table;
    }

    /// <summary>Runs <c>m ← λm + (g(i−1) − g(i))</c> for <c>i = start+1..end</c>, the LRs computed
    /// a block at a time with vectorised powers.</summary>
    // Hot loop: compiled optimised at once, not after tier-0 warm-up (a CLI run is one call).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    double Walk(long start, long end, double momentum)
    {
        const int Block = 512;
        Span<double> lr = stackalloc double[Block];
        double lambda = Decay.Lambda, previous = LearningRate(start);
        for (long i = start + 1; i <= end; i += Block)
        {
            int count = (int)Math.Min(Block, end - i + 1);
            var values = lr[..count];
            FillLearningRates(i, values);
            foreach (double current in values)
            {
                momentum = lambda * momentum + (previous - current);
                previous = current;
            }
        }
        return momentum;
    }

    /// <summary><c>g(first + j)</c> for the span's length.</summary>
    void FillLearningRates(long first, Span<double> into)
    {
        for (int j = 0; j < into.Length; j++) into[j] = power.X(first + j);
        VectorMath.Map(into, into, new ScaledPower(scale, power.P));
        for (int j = 0; j < into.Length; j++) into[j] += offset;
        // The ends are exact, as Kernel.LearningRate has them.
        if (first <= 0) into[0] = From;
        long last = first + into.Length - 1;
        if (last >= Length) into[(int)(Length - first)..].Fill(To);
    }
}
