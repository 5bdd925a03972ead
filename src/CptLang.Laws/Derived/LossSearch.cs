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

    /// <summary>Law evaluations the exact pass of <see cref="Maximum"/> may spend.</summary>
    const int ExactPassBudget = 4096;

    /// <summary>The first step in <paramref name="from"/>..<paramref name="to"/> where the loss is
    /// above its switch value by more than the curve's resolution, or null.</summary>
    public static long? FirstAbove(ContinualCurve curve, long from, long to)
    {
        double threshold = curve.Resolution;
        return First(curve, from, to, h => h > threshold, b => b.High <= threshold, b => b.Low > threshold);
    }

    /// <summary>The first step in <paramref name="from"/>..<paramref name="to"/> where the loss
    /// is at least <paramref name="level"/> above its switch value, or null.</summary>
    public static long? FirstAtLeast(ContinualCurve curve, long from, long to, double level) =>
        First(curve, from, to, h => h >= level, b => b.High < level, b => b.Low >= level);

    /// <summary>The first step in <paramref name="from"/>..<paramref name="to"/> where the loss is
    /// at or below its switch value (<c>h ≤ 0</c>), or null.</summary>
    public static long? FirstAtOrBelow(ContinualCurve curve, long from, long to) =>
        First(curve, from, to, h => h <= 0, b => b.Low > 0, b => b.High <= 0);

    /// <param name="excluded">True when no step of the interval can meet the condition.</param>
    /// <param name="certain">True when every step of the interval meets it.</param>
    static long? First(ContinualCurve curve, long from, long to, Func<double, bool> accept, Func<Bounds, bool> excluded, Func<Bounds, bool> certain)
    {
        foreach (var (pieceFrom, pieceTo) in curve.Pieces)
        {
            if (curve.Problem is not null) return null;
            long a = Math.Max(pieceFrom, from), b = Math.Min(pieceTo, to);
            if (a > b) continue;
            if (Search(curve, a, b, accept, excluded, certain) is long found) return found;
        }
        return null;

        static long? Search(ContinualCurve curve, long a, long b, Func<double, bool> accept, Func<Bounds, bool> excluded, Func<Bounds, bool> certain)
        {
            if (curve.Problem is not null) return null;
            var bounds = curve.Bounds(a, b);
            if (curve.Problem is not null || excluded(bounds)) return null;
            if (certain(bounds)) return a;
            bool leaf = b - a < LeafSteps;
            if (!leaf && bounds.IsFlat) return null; // a rounding-level tie on the threshold
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
            return Search(curve, a, mid, accept, excluded, certain) ?? Search(curve, mid + 1, b, accept, excluded, certain);
        }
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
        double tau = curve.Resolution, best = curve.Excess(from);
        // A good incumbent first, so that the bounds prune everything but the peak's neighbourhood
        // (a depth-first walk up a long slope would otherwise raise it one leaf at a time): a
        // few samples per piece, then a ternary search between the best sample's neighbours.
        foreach (var (pieceFrom, pieceTo) in curve.Pieces)
        {
            long a = Math.Max(pieceFrom, from), b = Math.Min(pieceTo, to);
            if (a > b) continue;
            const int samples = 32;
            double pieceBest = double.NegativeInfinity;
            int at = 0;
            for (int i = 0; i <= samples; i++)
            {
                double h = curve.Excess(Sample(i));
                if (h > pieceBest) (pieceBest, at) = (h, i);
            }
            best = Math.Max(best, pieceBest);
            long lo = Sample(Math.Max(0, at - 1)), hi = Sample(Math.Min(samples, at + 1));
            while (hi - lo > 2 && curve.Problem is null)
            {
                long m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
                double h1 = curve.Excess(m1), h2 = curve.Excess(m2);
                best = Math.Max(best, Math.Max(h1, h2));
                if (h1 < h2) lo = m1 + 1; else hi = m2;
            }
            for (long s = lo; s <= hi; s++) best = Math.Max(best, curve.Excess(s));

            long Sample(int i) => a + (long)((b - a) * (i / (double)samples));
        }
        // To within τ first (cheap: plateaus are skipped), then exactly, up to a budget: the best
        // value a walk would find, so that the threshold below does not depend on the search's
        // path; on very long runs the loss is flat to within τ over ~10⁵ steps around the peak and
        // the budget ends the exact pass (the peak is then within τ, as documented).
        long budget = 0;
        foreach (bool exact in (ReadOnlySpan<bool>)[false, true])
        {
            budget = curve.Evaluations + ExactPassBudget;
            foreach (var (pieceFrom, pieceTo) in curve.Pieces)
            {
                long a = Math.Max(pieceFrom, from), b = Math.Min(pieceTo, to);
                if (a <= b) Improve(a, b, exact);
            }
        }
        if (curve.Problem is not null) return null;
        long? found = FirstAtLeast(curve, from, to, best - tau);
        if (curve.Problem is not null) return null;
        long step = found ?? throw new InvalidOperationException("the maximum search lost its own incumbent");
        return (step, curve.Excess(step));

        // exact: skip only what cannot beat the best, and stretches flat to rounding (ties)
        void Improve(long a, long b, bool exact)
        {
            if (curve.Problem is not null || (exact && curve.Evaluations > budget)) return;
            var bounds = curve.Bounds(a, b);
            if (exact ? bounds.High <= best : bounds.High < best + tau) return;
            if (b - a < LeafSteps)
            {
                for (long s = a; s <= b; s++) best = Math.Max(best, curve.Excess(s));
                return;
            }
            if (exact && bounds.IsTight) return;
            long mid = a + (b - a) / 2;
            Improve(a, mid, exact);
            Improve(mid + 1, b, exact);
        }
    }
}
