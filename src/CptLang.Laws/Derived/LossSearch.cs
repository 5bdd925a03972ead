namespace CptLang.Laws.Derived;

/// <summary>
/// Exact integer searches over a <see cref="ContinualCurve"/> by branch and bound: an interval
/// is split only while its bounds leave the answer open, so a search costs a few evaluations per
/// bisection level near the answer instead of one per step. Leaves of
/// <see cref="LeafSteps"/> steps are scanned step by step, with the same evaluation a brute-force
/// walk would use, so the result is the one a walk would find.
/// <para>One exception keeps every search bounded: a long interval that is flat to rounding
/// (<see cref="Bounds.IsFlat"/>) and sits on the threshold is a tie that only rounding could
/// break, and is treated as not meeting the condition rather than walked step by step. That
/// happens only when the loss stays within ~10⁻¹³ of the threshold for a long stretch (e.g. an
/// LR of 10⁻²⁰ held for 10⁸ steps).</para>
/// <para>A search stops at the first step where the law is undefined (<see cref="ContinualCurve.Problem"/>
/// is set) and returns null: the caller checks the curve's problem before reading "not found".</para>
/// </summary>
internal static class LossSearch
{
    const long LeafSteps = 16;
    /// <summary>Flat stretches up to this long are still scanned by the peak search.</summary>
    const long FlatScanSteps = 4096;

    /// <summary>The first step in <paramref name="from"/>..<paramref name="to"/> where the loss is
    /// above its switch value by more than the curve's resolution, or null.</summary>
    public static long? FirstAbove(ContinualCurve curve, long from, long to)
    {
        double threshold = curve.Resolution;
        return First(curve, from, to, h => h > threshold, b => b.High <= threshold, b => b.Low > threshold);
    }

    /// <summary>The first step in <paramref name="from"/>..<paramref name="to"/> where the loss
    /// is at least <paramref name="level"/> above its switch value, or null.</summary>
    public static long? FirstAtLeast(ContinualCurve curve, long from, long to, double level, bool secondOrder = false) =>
        First(curve, from, to, h => h >= level, b => b.High < level, b => b.Low >= level, secondOrder);

    /// <summary>The first step in <paramref name="from"/>..<paramref name="to"/> where the loss is
    /// at or below its switch value (<c>h ≤ 0</c>), or null.</summary>
    public static long? FirstAtOrBelow(ContinualCurve curve, long from, long to) =>
        First(curve, from, to, h => h <= 0, b => b.Low > 0, b => b.High <= 0);

    /// <param name="excluded">True when no step of the interval can meet the condition.</param>
    /// <param name="certain">True when every step of the interval meets it.</param>
    /// <param name="secondOrder">Bound intervals to second order (<see cref="ContinualCurve.SecondOrderBounds"/>).</param>
    static long? First(ContinualCurve curve, long from, long to, Func<double, bool> accept, Func<Bounds, bool> excluded, Func<Bounds, bool> certain, bool secondOrder = false)
    {
        foreach (var (pieceFrom, pieceTo) in curve.Pieces)
        {
            if (curve.Problem is not null) return null;
            long a = Math.Max(pieceFrom, from), b = Math.Min(pieceTo, to);
            if (a > b) continue;
            if (Search(a, b) is long found) return found;

            long? Search(long a, long b)
            {
                if (curve.Problem is not null) return null;
                var bounds = secondOrder ? curve.SecondOrderBounds(a, b, pieceFrom, pieceTo) : curve.Bounds(a, b);
                if (curve.Problem is not null || excluded(bounds)) return null;
                if (certain(bounds)) return a;
                bool leaf = b - a < LeafSteps;
                // A rounding-level tie on the threshold; the peak search (second order) still
                // scans a short one, so that its step is the first at or above the threshold.
                if (!leaf && bounds.IsFlat && !(secondOrder && b - a < FlatScanSteps)) return null;
                if (leaf)
                {
                    for (long s = a; s <= b; s++)
                    {
                        double h = curve.Excess(s);
                        if (curve.Problem is not null) return null;
                        if (accept(h)) return s;
                    }
                    return null;
                }
                long mid = a + (b - a) / 2;
                return Search(a, mid) ?? Search(mid + 1, b);
            }
        }
        return null;
    }

    /// <summary>
    /// The peak of the loss over <paramref name="from"/>..<paramref name="to"/>, to the curve's
    /// resolution <c>τ</c>: first the maximum <c>M</c> to within <c>τ</c> (an interval is skipped
    /// when it cannot beat the best value so far by <c>τ</c>, so a flat plateau is not walked),
    /// then the earliest step whose excess is at least <c>best − τ</c>. The step returned has a
    /// loss within <c>2τ</c> of <c>M</c>, and every earlier step is below <c>M − τ</c> (up to a
    /// stretch that sits on that threshold to rounding, passed over as a tie; see the class).
    /// Null when the law is undefined at a step it visits.
    /// </summary>
    public static (long Step, double Excess)? Maximum(ContinualCurve curve, long from, long to)
    {
        double tau = curve.Resolution, best = double.NegativeInfinity;
        long bestStep = from;
        Consider(from);
        // A few samples first: a good incumbent prunes most of the run at once.
        foreach (var (pieceFrom, pieceTo) in curve.Pieces)
        {
            long a = Math.Max(pieceFrom, from), b = Math.Min(pieceTo, to);
            if (a > b) continue;
            for (int i = 0; i <= 32; i++) Consider(a + (long)((b - a) * (i / 32.0)));
        }
        foreach (var (pieceFrom, pieceTo) in curve.Pieces)
        {
            long a = Math.Max(pieceFrom, from), b = Math.Min(pieceTo, to);
            if (a <= b) Improve(a, b, pieceFrom, pieceTo);
        }
        if (curve.Problem is not null) return null;
        long? found = FirstAtLeast(curve, from, to, best - tau, secondOrder: true);
        if (curve.Problem is not null) return null;
        long step = found ?? throw new InvalidOperationException("the maximum search lost its own incumbent");
        // The answer's threshold is the incumbent less τ, and the incumbent is within τ of the
        // maximum M; climb to M itself (a golden-section search of the stretch within τ of it,
        // then its neighbourhood), so that the step is the earliest within τ of M, as a walk
        // would find, rather than of an incumbent a little below it.
        double before = best;
        long end = Math.Max(bestStep, step);
        for (long jump = LeafSteps; end < to && curve.Problem is null; jump *= 2)
        {
            end = Math.Min(to, end + jump); // gallop to where the loss is below best − τ again
            double h = curve.Excess(end);
            if (h > best) (best, bestStep) = (h, end);
            if (h < best - tau) break;
        }
        Climb(step, end);
        if (best > before)
        {
            found = FirstAtLeast(curve, from, to, best - tau, secondOrder: true);
            if (curve.Problem is not null) return null;
            step = found ?? step;
        }
        return (step, curve.Excess(step));

        void Consider(long s)
        {
            double h = curve.Excess(s);
            if (h > best) (best, bestStep) = (h, s);
        }

        // Golden-section search for the highest step of [lo, hi] (the loss is unimodal there to
        // rounding), then every step within a leaf of the point it ends at.
        void Climb(long lo, long hi)
        {
            const double Golden = 0.6180339887498949;
            while (hi - lo > 2 * LeafSteps && curve.Problem is null)
            {
                long m1 = hi - (long)((hi - lo) * Golden), m2 = lo + (long)((hi - lo) * Golden);
                if (m1 >= m2) break;
                double h1 = curve.Excess(m1), h2 = curve.Excess(m2);
                if (h1 > best) (best, bestStep) = (h1, m1);
                if (h2 > best) (best, bestStep) = (h2, m2);
                if (h1 < h2) lo = m1; else hi = m2;
            }
            for (long s = Math.Max(lo, bestStep - LeafSteps); s <= Math.Min(hi + LeafSteps, Math.Max(bestStep + LeafSteps, hi)) && curve.Problem is null; s++)
                if (s <= to) Consider(s);
        }

        // Second-order bounds: near the peak first-order ones leave ~√(run length) steps open.
        void Improve(long a, long b, long pieceFrom, long pieceTo)
        {
            if (curve.Problem is not null || curve.SecondOrderBounds(a, b, pieceFrom, pieceTo).High < best + tau) return;
            if (b - a < LeafSteps)
            {
                for (long s = a; s <= b; s++) Consider(s);
                return;
            }
            long mid = a + (b - a) / 2;
            Consider(mid); // a better incumbent prunes the rest sooner
            Improve(a, mid, pieceFrom, pieceTo);
            Improve(mid + 1, b, pieceFrom, pieceTo);
        }
    }
}
