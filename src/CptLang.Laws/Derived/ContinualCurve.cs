using System.Collections.Immutable;
using CptLang.Laws.Areas;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Derived;

/// <summary>Bounds on the excess over an interval, rounding margin included.</summary>
internal readonly record struct Bounds(double Low, double High, double Margin)
{
    /// <summary>True when the interval is flat to rounding: its bounds are no wider than the
    /// margin they carry, so no step in it can be told apart from another.</summary>
    public bool IsFlat => High - Low <= 4 * Margin;
}

/// <summary>
/// One law's loss after the switch, <c>h(t) = L(T_pt + t) − L(T_pt)</c>, on the run extended by
/// <see cref="Horizon"/> steps at its final LR (so that "when would it turn" has an answer past
/// the run's end), cut into pieces on which every area is monotone. Each law term depends on one
/// area and is monotone in it, so on a piece the term lies between its values at the piece's two
/// ends: that gives bounds on <c>h</c> over any interval from two evaluations, which lets the
/// searches skip whole intervals and still return the exact integer step.
/// </summary>
internal sealed class ContinualCurve
{
    /// <summary>How far past the run the final LR is held: 2^40 ≈ 1.1·10¹² steps.</summary>
    public const long Horizon = 1L << 40;

    readonly ScheduleAreas areas;
    readonly CompiledLaw law;
    readonly Dictionary<long, double[]> termsAt = [];

    public ContinualCurve(ScheduleAreas runAreas, CompiledLaw law, string lawName)
    {
        this.law = law;
        LawName = lawName;
        var plan = runAreas.Plan;
        SwitchStep = plan.SwitchStep ?? throw new ArgumentException("the run has no domain switch", nameof(runAreas));
        RunEnd = plan.TotalSteps;
        HeldLearningRate = plan.Segments[^1].Kernel.To;
        areas = new ScheduleAreas(Extend(plan, HeldLearningRate));
        End = RunEnd + Horizon;
        SwitchPoint = SwitchStep == 0 ? areas.StateBefore(0, 1).Point : areas.At(SwitchStep);
        SwitchLoss = Evaluate(SwitchPoint);
        Pieces = SplitIntoMonotonePieces();
        LongRunPoint = LimitPoint();
        LongRunLimit = law.Value(LongRunPoint);
        double scale = Math.Abs(law.Constant);
        for (int i = 0; i < law.Terms.Length; i++)
            scale += Math.Abs(law.Terms[i].Value(SwitchPoint)) + Math.Abs(law.Terms[i].Value(LongRunPoint));
        Resolution = 1e-12 * (1 + scale);
    }

    /// <summary>Loss differences below this are rounding, not a change of the law: 10⁻¹² of
    /// the size of the law's terms. A loss has "risen" only when it is this much above its
    /// switch value; it keeps flat stretches from being searched step by step.</summary>
    public double Resolution { get; }

    public string LawName { get; }
    public long SwitchStep { get; }
    public long RunEnd { get; }
    public long End { get; }
    public double HeldLearningRate { get; }
    public AreaPoint SwitchPoint { get; }
    public double SwitchLoss { get; }

    /// <summary>The law as CPT goes on forever at the final LR (areas at their limits).</summary>
    public double LongRunLimit { get; }
    public AreaPoint LongRunPoint { get; }

    /// <summary>Ranges of steps after the switch on which every area is monotone, in order.</summary>
    public ImmutableArray<(long From, long To)> Pieces { get; }

    /// <summary>The first evaluation at which the law was undefined (not a finite number), or
    /// null. From then on evaluations give NaN and the searches stop; a caller checks it after a
    /// search, since a search's "not found" means nothing once it is set.</summary>
    public LawProblem? Problem { get; private set; }

    /// <summary>Law evaluations so far (the cost the searches are judged by).</summary>
    public int Evaluations { get; private set; }

    /// <summary><c>h(step) = L(step) − L(switch)</c>.</summary>
    public double Excess(long step) => Evaluate(areas.At(step)) - SwitchLoss;

    /// <summary>The loss at <paramref name="step"/> (within the extended run).</summary>
    public double Loss(long step) => Evaluate(areas.At(step));

    /// <summary>Bounds on <c>h</c> over steps <paramref name="a"/>..<paramref name="b"/> of one
    /// piece, widened by a rounding margin (10⁻¹³ of the terms' size, returned too) so that no
    /// step is wrongly excluded.</summary>
    public Bounds Bounds(long a, long b)
    {
        double[] ta = Terms(a), tb = Terms(b);
        double low = law.Constant - SwitchLoss, high = low, scale = Math.Abs(law.Constant) + Math.Abs(SwitchLoss);
        for (int i = 0; i < ta.Length; i++)
        {
            low += Math.Min(ta[i], tb[i]);
            high += Math.Max(ta[i], tb[i]);
            scale += Math.Abs(ta[i]) + Math.Abs(tb[i]);
        }
        double margin = 1e-13 * (1 + scale);
        return new Bounds(low - margin, high + margin, margin);
    }

    /// <summary>Bounds on <c>h</c> over every step after <see cref="End"/>: the areas move
    /// monotonically from their values at <see cref="End"/> to their limits.</summary>
    public Bounds TailBounds()
    {
        double[] ta = Terms(End);
        double low = law.Constant - SwitchLoss, high = low, scale = Math.Abs(law.Constant) + Math.Abs(SwitchLoss);
        for (int i = 0; i < ta.Length; i++)
        {
            double limit = law.Terms[i].Value(LongRunPoint);
            low += Math.Min(ta[i], limit);
            high += Math.Max(ta[i], limit);
            scale += Math.Abs(ta[i]) + Math.Abs(limit);
        }
        double margin = 1e-13 * (1 + scale);
        return new Bounds(low - margin, high + margin, margin);
    }

    double[] Terms(long step)
    {
        if (termsAt.TryGetValue(step, out var cached)) return cached;
        var p = areas.At(step);
        Evaluate(p);
        var values = new double[law.Terms.Length];
        for (int i = 0; i < values.Length; i++) values[i] = law.Terms[i].Value(p);
        termsAt[step] = values;
        return values;
    }

    double Evaluate(in AreaPoint p)
    {
        Evaluations++;
        double value = law.Value(p);
        if (double.IsFinite(value)) return value;
        Problem ??= new LawProblem(LawName, LawProblemKind.Undefined, law.Explain(p), p.Step, 1);
        return double.NaN;
    }

    /// <summary>Within a segment the S2cpt increment changes sign at most once (it is
    /// <c>λ^{k−1}·c + Q_k</c> with all drops of one sign), and S1, S2pt never turn; so each
    /// segment is at most two pieces, split where that increment flips.</summary>
    ImmutableArray<(long, long)> SplitIntoMonotonePieces()
    {
        var pieces = ImmutableArray.CreateBuilder<(long, long)>();
        var plan = areas.Plan;
        for (int j = 0; j < plan.Segments.Length; j++)
        {
            var seg = plan.Segments[j];
            if (seg.LastStep <= SwitchStep) continue;
            bool firstSign = areas.StateAt(j, seg.FirstStep).CptMomentum >= 0;
            bool lastSign = areas.StateAt(j, seg.LastStep).CptMomentum >= 0;
            if (firstSign == lastSign)
            {
                pieces.Add((seg.FirstStep, seg.LastStep));
                continue;
            }
            long lo = seg.FirstStep, hi = seg.LastStep; // sign(lo) = firstSign, sign(hi) = lastSign
            while (hi - lo > 1)
            {
                long mid = lo + (hi - lo) / 2;
                if ((areas.StateAt(j, mid).CptMomentum >= 0) == firstSign) lo = mid; else hi = mid;
            }
            pieces.Add((seg.FirstStep, lo));
            pieces.Add((hi, seg.LastStep));
        }
        return pieces.ToImmutable();
    }

    /// <summary>The areas as <c>t → ∞</c> at the held LR: S1cpt grows without bound (if the LR
    /// is positive) and each part of S2 collects what its momentum still holds at
    /// <see cref="End"/>, <c>λ·m/(1 − λ)</c> (nothing, unless λ is within ~10⁻¹¹ of 1).</summary>
    AreaPoint LimitPoint()
    {
        var end = areas.StateAt(areas.Plan.Segments.Length - 1, End);
        var p = end.Point;
        double carry = areas.Lambda / (1 - areas.Lambda);
        return p with
        {
            S1cpt = HeldLearningRate > 0 ? double.PositiveInfinity : p.S1cpt,
            S2pt = p.S2pt + carry * end.PtMomentum,
            S2cpt = p.S2cpt + carry * end.CptMomentum,
        };
    }

    static EvaluationPlan Extend(EvaluationPlan plan, double heldLearningRate)
    {
        int stage = plan.Stages.IndexOf(plan.Continual!);
        long last = plan.TotalSteps;
        var extension = new Segment(last + 1, last + Horizon, stage, PhaseKind.Stable, Kernel.Constant(heldLearningRate));
        return plan with
        {
            Segments = plan.Segments.Add(extension),
            Stages = plan.Stages.SetItem(stage, plan.Continual! with { LastStep = last + Horizon }),
        };
    }
}
