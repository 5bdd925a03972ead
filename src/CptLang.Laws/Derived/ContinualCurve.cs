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
    readonly Dictionary<long, Sample> samples = [];
    /// <summary>The area each term moves with after the switch (<see cref="TermArea.None"/>:
    /// unknown, bounded to first order only).</summary>
    readonly TermArea[] termAreas;

    /// <summary>A step's term values and the areas and momenta behind them.</summary>
    readonly record struct Sample(double[] Terms, AreaState State);

    enum TermArea { None, S1cpt, S2pt, S2cpt }

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
        termAreas = [.. law.Terms.Select(AreaOf)];
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

    /// <summary>
    /// <see cref="Bounds(long, long)"/> tightened to second order in the interval's width, for the
    /// peak search: at a peak the rising and falling terms cancel, so bounds from the terms'
    /// values at the two ends (first order) cannot rule out anything near it on a long run.
    /// <para>Proof. On a piece every area <c>A</c> is monotone in the step, and every term is
    /// <c>T = φ(A)</c> with <c>φ'</c> monotone (<c>c·S1^(−α)</c>, <c>c·S2</c>, <c>B·(1 − (1 + E·S1cpt)^(−β))</c>:
    /// powers of a linear function of <c>A</c>). So for every step <c>s</c> of <c>[a, b)</c>,
    /// <c>ΔT(s) = T(s+1) − T(s) = σ(s)·ΔA(s)</c> where the chord slope <c>σ(s)</c> lies between
    /// <c>φ'(A(a))</c> and <c>φ'(A(b))</c>, and these lie between the chord slopes over
    /// <c>[l, a]</c> and <c>[b, r]</c> (<c>l &lt; a</c>, <c>r &gt; b</c> in the same piece): a chord's
    /// slope is between <c>φ'</c> at its ends. The increment <c>ΔA(s)</c> is the LR of step
    /// <c>s + 1</c> for <c>S1cpt</c> (monotone on a segment: between its values at <c>a + 1</c> and
    /// <c>b</c>), the pre-training momentum <c>λ^{s+1−a}·m_pt(a)</c> for <c>S2pt</c>, and for
    /// <c>S2cpt</c> the CPT momentum <c>λ^{s+1−a}·m(a) + Σ_{i=a+1}^{s+1} λ^{s+1−i}·d_i</c>, whose drops
    /// <c>d_i</c> share one sign and sum to <c>D = η(a) − η(b)</c> at most, so it lies in
    /// <c>[min(λ, λ^w)·m(a) + min(0, D), max(λ, λ^w)·m(a) + max(0, D)]</c> (for <c>m(a) ≥ 0</c>;
    /// the min/max of the two products in general). Hence <c>ΔT(s)</c> lies between the corners of
    /// <c>[σ_min, σ_max] × [ΔA_min, ΔA_max]</c>, and (monotone term) between 0 and <c>T(b) − T(a)</c>.
    /// Summed, <c>L ≤ Δh(s) ≤ U</c> on <c>[a, b)</c>, so <c>h(t) ≤ min(h(a) + (t−a)·U, h(b) + (b−t)·(−L))</c>
    /// and <c>h(t) ≥ max(h(a) + (t−a)·L, h(b) − (b−t)·U)</c>: a tent whose height above the ends is
    /// second order in <c>w</c>. Every quantity is widened by its rounding (term values 10⁻¹³
    /// of their size, as in <see cref="Bounds(long, long)"/>; areas and momenta 10⁻¹²).
    /// </para>
    /// </summary>
    public Bounds SecondOrderBounds(long a, long b, long pieceFrom, long pieceTo)
    {
        var first = Bounds(a, b);
        long w = b - a;
        if (w < 2) return first;
        long left = Math.Max(pieceFrom, a - w), right = Math.Min(pieceTo, b + w);
        if (left >= a || right <= b) return first;
        Sample sa = SampleAt(a), sb = SampleAt(b), sl = SampleAt(left), sr = SampleAt(right);
        if (Problem is not null) return first;

        var plan = areas.Plan;
        var segment = plan.Segments[plan.SegmentIndexOf(a)];
        double lambda = areas.Lambda, decayed = Math.Pow(lambda, w), gain = (1 - decayed) / (1 - lambda);
        double lrNext = segment.LearningRate(a + 1), lrEnd = segment.LearningRate(b);
        var s1 = Widen(Math.Min(lrNext, lrEnd), Math.Max(lrNext, lrEnd));
        var (dropLow, dropHigh) = DropRange(segment, a + 1, b);
        var pt = Momentum(sa.State.PtMomentum, 0, 0);
        var cpt = Momentum(sa.State.CptMomentum, dropLow, dropHigh);

        double low = 0, high = 0;
        for (int i = 0; i < termAreas.Length; i++)
        {
            double ta = sa.Terms[i], tb = sb.Terms[i], change = tb - ta;
            double error = TermError(ta) + TermError(tb);
            double lo = Math.Min(0, change) - error, hi = Math.Max(0, change) + error;
            var increment = termAreas[i] switch
            {
                TermArea.S1cpt => s1,
                TermArea.S2pt => pt,
                TermArea.S2cpt => cpt,
                _ => ((double, double)?)null,
            };
            if (increment is var (incLo, incHi)
                && Slope(i, sl, sa) is var (s1Lo, s1Hi) && Slope(i, sb, sr) is var (s3Lo, s3Hi))
            {
                double sMin = Math.Min(s1Lo, s3Lo), sMax = Math.Max(s1Hi, s3Hi);
                double c1 = sMin * incLo, c2 = sMin * incHi, c3 = sMax * incLo, c4 = sMax * incHi;
                double lo2 = Math.Min(Math.Min(c1, c2), Math.Min(c3, c4)), hi2 = Math.Max(Math.Max(c1, c2), Math.Max(c3, c4));
                if (Math.Max(lo, lo2) <= Math.Min(hi, hi2)) (lo, hi) = (Math.Max(lo, lo2), Math.Min(hi, hi2));
            }
            low += lo;
            high += hi;
        }

        double ha = Excess(sa), hb = Excess(sb);
        double tentHigh, tentLow;
        if (high <= 0) tentHigh = ha;
        else if (low >= 0) tentHigh = hb;
        else tentHigh = ha + Math.Clamp((hb - ha - w * low) / (high - low), 0, w) * high;
        if (low >= 0) tentLow = ha;
        else if (high <= 0) tentLow = hb;
        else tentLow = ha + Math.Clamp((hb - ha - w * high) / (low - high), 0, w) * low;
        double margin = first.Margin + 1e-15 * (Math.Abs(ha) + Math.Abs(hb) + w * (Math.Abs(low) + Math.Abs(high)));
        return new Bounds(Math.Max(first.Low, tentLow - margin), Math.Min(first.High, tentHigh + margin), first.Margin);

        static (double Low, double High) Widen(double lo, double hi) =>
            (lo - 1e-12 * Math.Abs(lo) - 1e-300, hi + 1e-12 * Math.Abs(hi) + 1e-300);

        // m(a + j) = λ^j·m(a) + Σ λ^{j−i}·d_i with every d_i in [dLow, dHigh]; for a fixed d,
        // λ^j·m + d·(1 − λ^j)/(1 − λ) = d/(1 − λ) + λ^j·(m − d/(1 − λ)) is monotone in j, so
        // over j = 1..w the momentum lies between its values at j = 1 and j = w.
        (double Low, double High) Momentum(double m, double dLow, double dHigh)
        {
            double low = Math.Min(lambda * m + dLow, decayed * m + dLow * gain);
            double high = Math.Max(lambda * m + dHigh, decayed * m + dHigh * gain);
            return Widen(low, high);
        }
    }

    /// <summary>The least and greatest drop <c>η(k − 1) − η(k)</c> over steps
    /// <paramref name="from"/>..<paramref name="to"/> of one segment (not its first step): every
    /// shape's drops are monotone along the segment except the cosine's, which peak mid-way
    /// (<c>∝ sin(π(2k − 1)/(2n))</c>); widened by the LRs' rounding.</summary>
    static (double Low, double High) DropRange(Segment segment, long from, long to)
    {
        double first = Drop(from), last = Drop(to);
        double low = Math.Min(first, last), high = Math.Max(first, last);
        if (segment.Kernel.Shape == Shape.Cosine)
        {
            long mode = segment.FirstStep - 1 + (segment.Length + 1) / 2;
            for (long k = mode; k <= mode + 1; k++)
                if (k >= from && k <= to)
                {
                    double d = Drop(k);
                    low = Math.Min(low, d);
                    high = Math.Max(high, d);
                }
        }
        double ulps =
                      4 * Math.Max(Math.Abs(segment.Kernel.From), Math.Abs(segment.Kernel.To)) * 1.1102230246251565e-16;
        return (low - ulps, high + ulps);

        double Drop(long k) => segment.LearningRate(k - 1) - segment.LearningRate(k);
    }

    double Excess(Sample s)
    {
        double h = law.Constant - SwitchLoss;
        foreach (double t in s.Terms) h += t;
        return h;
    }

    static double TermError(double t) => 1e-13 * (1e-3 + Math.Abs(t));

    /// <summary>The chord slope of term <paramref name="term"/> between two samples, widened by
    /// the rounding of its values and of the area; null where the area does not move.</summary>
    (double Low, double High)? Slope(int term, Sample from, Sample to)
    {
        double af = AreaValue(termAreas[term], from.State.Point), at = AreaValue(termAreas[term], to.State.Point);
        double run = at - af;
        if (!(Math.Abs(run) > 1e-9 * (Math.Abs(af) + Math.Abs(at)))) return null;
        double rise = to.Terms[term] - from.Terms[term], slope = rise / run;
        double error = (TermError(from.Terms[term]) + TermError(to.Terms[term]) + Math.Abs(slope) * 1e-12 * (Math.Abs(af) + Math.Abs(at))) / Math.Abs(run);
        if (!double.IsFinite(slope) || !double.IsFinite(error)) return null;
        return (slope - error, slope + error);
    }

    static double AreaValue(TermArea area, in AreaPoint p) => area switch
    {
        TermArea.S1cpt => p.S1cpt,
        TermArea.S2pt => p.S2pt,
        TermArea.S2cpt => p.S2cpt,
        _ => 0,
    };

    /// <summary>Which area a term moves with after the switch (<see cref="LawTerm"/>: one area
    /// each); an annealing term is asked which of the two it reads.</summary>
    static TermArea AreaOf(LawTerm term) => term switch
    {
        ForwardAreaTerm or DistributionShiftTerm => TermArea.S1cpt,
        AnnealingAreaTerm => (term.Value(new AreaPoint(0, 0, 0, 0, 1, 0)), term.Value(new AreaPoint(0, 0, 0, 0, 0, 1))) switch
        {
            (not 0, 0) => TermArea.S2pt,
            (0, not 0) => TermArea.S2cpt,
            _ => TermArea.None,
        },
        _ => TermArea.None,
    };

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

    double[] Terms(long step) => SampleAt(step).Terms;

    Sample SampleAt(long step)
    {
        if (samples.TryGetValue(step, out var cached)) return cached;
        var state = areas.StateAt(step);
        var p = state.Point;
        Evaluate(p);
        var values = new double[law.Terms.Length];
        for (int i = 0; i < values.Length; i++) values[i] = law.Terms[i].Value(p);
        var sample = new Sample(values, state);
        samples[step] = sample;
        return sample;
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
