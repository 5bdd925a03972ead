using CptLang.Laws.Areas.Kernels;
using CptLang.Laws.Numerics;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Areas;

/// <summary>
/// The forward area <c>S1</c> and the annealing area <c>S2</c> of a plan at any step, split at
/// the domain switch (docs/laws.md §1, §3). Construction sums every segment once in closed form
/// (O(segments)); <see cref="At"/> then costs a binary search plus one kernel evaluation,
/// whatever the run's length. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// The state between steps is <c>(S1, m, η)</c>; inside a segment of kernel <c>g</c> entered
/// with momentum <c>m_b</c>, previous LR <c>η_b</c> and jump <c>J = η_b − g(0)</c>:
/// <c>m_k = λ^k·m_b + λ^{k−1}·J + Q_k</c> and <c>ΔS2 = (J + λ·m_b)·(1 − λ^k)/(1 − λ) + W_k</c>,
/// where <c>Q_k</c>, <c>W_k</c> are the kernel's own momentum and annealing sums.
/// </remarks>
public sealed class ScheduleAreas
{
    readonly MomentumDecay decay;
    readonly AreaKernel[] kernels;
    readonly SegmentStart[] starts;
    readonly SwitchState switchState;

    public ScheduleAreas(EvaluationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        PlanValidation.Validate(plan);
        Plan = plan;
        SwitchStep = plan.SwitchStep;
        decay = new MomentumDecay(plan.Settings.Lambda);
        var segments = plan.Segments;
        kernels = new AreaKernel[segments.Length];
        for (int i = 0; i < segments.Length; i++)
            kernels[i] = AreaKernel.Create(AreaKernelOf(segments[i]), segments[i].Length, decay);
        starts = new SegmentStart[segments.Length];
        switchState = PrecomputeStarts();
    }

    public EvaluationPlan Plan { get; }

    /// <summary><c>T_pt</c>; 0 for unknown pre-training; null when the run never switches.</summary>
    public long? SwitchStep { get; }

    public long TotalSteps => Plan.TotalSteps;

    public double Lambda => decay.Lambda;

    /// <summary>The areas a law with its own λ sees (<see cref="Laws.LawParameters.Lambda"/>):
    /// this, unless <paramref name="lambda"/> is given and differs.</summary>
    public ScheduleAreas WithLambda(double? lambda) =>
        lambda is not { } own || own == Lambda ? this : new ScheduleAreas(Plan.WithLambda(own));

    internal MomentumDecay Decay => decay;

    internal int SegmentCount => kernels.Length;

    internal bool IsClosedForm(int segment) => kernels[segment].IsClosedForm;

    /// <summary>True when <paramref name="segment"/> lies after the switch.</summary>
    internal bool IsContinual(int segment) => SwitchStep is long t && Plan.Segments[segment].FirstStep > t;

    /// <summary>The areas after step <paramref name="step"/> (1..<see cref="TotalSteps"/>).</summary>
    public AreaPoint At(long step) => StateAt(step).Point;

    /// <summary>The areas at each of <paramref name="sortedSteps"/> (ascending, may repeat),
    /// walking the segments once.</summary>
    public void AtSteps(ReadOnlySpan<long> sortedSteps, Span<AreaPoint> into)
    {
        if (into.Length < sortedSteps.Length)
            throw new ArgumentException($"room for {into.Length} points, {sortedSteps.Length} steps asked", nameof(into));
        int segment = 0;
        long previous = 0;
        for (int i = 0; i < sortedSteps.Length; i++)
        {
            long step = sortedSteps[i];
            if (step < previous)
                throw new ArgumentException($"steps must be ascending: {step} after {previous}", nameof(sortedSteps));
            if (step < 1 || step > TotalSteps)
                throw new ArgumentOutOfRangeException(nameof(sortedSteps), step, $"run '{Plan.Run}' has steps 1..{TotalSteps}");
            while (Plan.Segments[segment].LastStep < step) segment++;
            into[i] = StateAt(segment, step).Point;
            previous = step;
        }
    }

    /// <summary>The areas at each of <paramref name="sortedSteps"/> as columns.</summary>
    public AreaTable AtSteps(ReadOnlySpan<long> sortedSteps)
    {
        var points = new AreaPoint[sortedSteps.Length];
        AtSteps(sortedSteps, points);
        var table = AreaTable.ForSteps(sortedSteps.ToArray());
        for (int i = 0; i < points.Length; i++) table.Set(i, points[i]);
        return table;
    }

    /// <summary>Every step from <paramref name="firstStep"/> to <paramref name="lastStep"/>:
    /// O(1) per step, vectorised learning rates, both cores for long ranges.</summary>
    public AreaTable Curve(long firstStep, long lastStep)
    {
        if (firstStep < 1 || lastStep > TotalSteps || lastStep < firstStep)
            throw new ArgumentOutOfRangeException(nameof(lastStep), $"run '{Plan.Run}' has steps 1..{TotalSteps}, asked {firstStep}..{lastStep}");
        long count = lastStep - firstStep + 1;
        if (count > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(lastStep), $"a curve holds at most {Array.MaxLength} steps");
        var table = AreaTable.ForCurve(firstStep, (int)count);
        FillCurve(table);
        return table;
    }

    /// <summary>Fills a consecutive <paramref name="table"/> (see <see cref="AreaTable.ForCurve"/>)
    /// in place, so that repeated evaluations reuse its buffers.</summary>
    public void FillCurve(AreaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.IsConsecutive)
            throw new ArgumentException("the table must hold consecutive steps", nameof(table));
        long first = table.FirstStep, last = first + table.Count - 1;
        if (table.Count > 0 && (first < 1 || last > TotalSteps))
            throw new ArgumentOutOfRangeException(nameof(table), $"run '{Plan.Run}' has steps 1..{TotalSteps}, table holds {first}..{last}");
        new CurveFiller(this, table).Fill();
    }

    internal AreaState StateAt(long step) => StateAt(Plan.SegmentIndexOf(step), step);

    /// <summary>The full state after <paramref name="step"/>, which lies in <paramref name="segment"/>.</summary>
    internal AreaState StateAt(int segment, long step)
    {
        var seg = Plan.Segments[segment];
        var kernel = kernels[segment];
        long k = step - seg.FirstStep + 1;
        var own = kernel.At(k);
        var start = starts[segment];
        double jump = start.EffectiveLearningRate - kernel.From;
        double momentum = decay.Power(k) * start.Momentum + decay.Power(k - 1) * jump + own.Momentum;
        double dS2 = (jump + decay.Lambda * start.Momentum) * decay.GeometricSum(k) + own.AnnealingArea;
        return Compose(segment, step, seg.LearningRate(step), own.LearningRate, start, own.ForwardArea, dS2, momentum);
    }

    /// <summary>The state after the step before <paramref name="step"/>, where
    /// <paramref name="step"/> lies in <paramref name="segment"/>.</summary>
    internal AreaState StateBefore(int segment, long step)
    {
        var seg = Plan.Segments[segment];
        if (step > seg.FirstStep) return StateAt(segment, step - 1);
        if (segment > 0) return StateAt(segment - 1, step - 1);
        // Before step 1: nothing accumulated, and η_0 := η_1.
        var start = starts[0];
        return new AreaState(new AreaPoint(0, start.EffectiveLearningRate, 0, 0, 0, 0), start.EffectiveLearningRate, 0, 0, 0);
    }

    /// <summary>The LR that the areas count at step <c>k</c> of <paramref name="segment"/>.</summary>
    internal double EffectiveLearningRate(int segment, long k) => kernels[segment].LearningRate(k);

    /// <summary>The forward area <c>S1pt + S1cpt</c> after step <c>k</c> (0..n) of <paramref name="segment"/>,
    /// without the momentum (the Multi-Power Law's sums need only this).</summary>
    internal double ForwardAreaAt(int segment, long k) =>
        starts[segment].S1pt + starts[segment].S1cpt + kernels[segment].ForwardArea(k);

    /// <summary>The forward area of steps 1..k (0..n) of <paramref name="segment"/> alone.</summary>
    internal double SegmentForwardArea(int segment, long k) => kernels[segment].ForwardArea(k);

    /// <summary>The LR the areas count at the step before <paramref name="segment"/> (η_1 before step 1).</summary>
    internal double EffectiveLearningRateBefore(int segment) => starts[segment].EffectiveLearningRate;

    /// <summary><c>η(k − 1) − η(k)</c> inside <paramref name="segment"/>, <c>2 ≤ k ≤ n</c>, as the areas count the LR.</summary>
    internal double DropWithin(int segment, long k) => kernels[segment].DropAt(k);

    /// <summary>True when the LR the areas count can drop inside <paramref name="segment"/> only at
    /// its last step (a constant kernel, whose last step may differ).</summary>
    internal bool DropsOnlyAtEnd(int segment) => kernels[segment] is Kernels.ConstantAreaKernel;

    internal bool CountsAsPeak(int segment) => IsPeakWarmup(Plan.Segments[segment]);

    AreaState Compose(int segment, long step, double lr, double effectiveLr, in SegmentStart start, double dS1, double dS2, double momentum)
    {
        if (!IsContinual(segment))
        {
            var pt = new AreaPoint(step, lr, start.S1pt + dS1, 0, start.S2pt + dS2, 0);
            return new AreaState(pt, effectiveLr, momentum, momentum, 0);
        }
        double s1cpt = start.S1cpt + dS1, s2cptStep = start.S2cpt + dS2;
        if (Plan.Settings.S2Split == S2Split.Step)
            return new AreaState(new AreaPoint(step, lr, start.S1pt, s1cpt, start.S2pt, s2cptStep), effectiveLr, momentum, 0, momentum);
        // Source: the pre-training momentum keeps decaying into S2pt; the rest is the CPT recurrence's.
        long t = step - switchState.Step;
        double tail = decay.Lambda * switchState.Momentum * decay.GeometricSum(t);
        double ptMomentum = decay.Power(t) * switchState.Momentum;
        var point = new AreaPoint(step, lr, start.S1pt, s1cpt, start.S2pt + tail, s2cptStep - tail);
        return new AreaState(point, effectiveLr, momentum, ptMomentum, momentum - ptMomentum);
    }

    Kernel AreaKernelOf(Segment segment) => IsPeakWarmup(segment) ? Kernel.Constant(segment.Kernel.To) : segment.Kernel;

    /// <summary>Warmups before the first switch count at their end value under
    /// <c>warmup_area = peak</c>; re-warmups after it always count as they are.</summary>
    bool IsPeakWarmup(Segment segment) =>
        Plan.Settings.WarmupArea == WarmupArea.Peak
        && segment.Phase == PhaseKind.Warmup
        && (SwitchStep is not long t || segment.LastStep <= t);

    /// <summary>Fills <see cref="starts"/> segment by segment and returns the state at the switch.</summary>
    SwitchState PrecomputeStarts()
    {
        var atSwitch = new SwitchState(SwitchStep ?? 0, 0, 0, 0);
        if (kernels.Length == 0) return atSwitch;
        double s1pt = 0, s1cpt = 0, s2pt = 0, s2cpt = 0, momentum = 0;
        double eta = kernels[0].LearningRate(1); // η_0 := η_1
        for (int i = 0; i < kernels.Length; i++)
        {
            var seg = Plan.Segments[i];
            if (SwitchStep is long t && seg.FirstStep == t + 1)
                atSwitch = new SwitchState(t, s1pt, s2pt, momentum);
            starts[i] = new SegmentStart(s1pt, s1cpt, s2pt, s2cpt, momentum, eta);
            var kernel = kernels[i];
            long n = seg.Length;
            var own = kernel.At(n);
            double jump = eta - kernel.From;
            double dS2 = (jump + decay.Lambda * momentum) * decay.GeometricSum(n) + own.AnnealingArea;
            momentum = decay.Power(n) * momentum + decay.Power(n - 1) * jump + own.Momentum;
            eta = kernel.To;
            if (IsContinual(i)) { s1cpt += own.ForwardArea; s2cpt += dS2; }
            else { s1pt += own.ForwardArea; s2pt += dS2; }
        }
        return atSwitch;
    }
}
