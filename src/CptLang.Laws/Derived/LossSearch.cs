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
        // A few samples first: a good incumbent prunes most of the run at once.
        foreach (var (pieceFrom, pieceTo) in curve.Pieces)
        {
            long a = Math.Max(pieceFrom, from), b = Math.Min(pieceTo, to);
            if (a > b) continue;
            for (int i = 0; i <= 32; i++) best = Math.Max(best, curve.Excess(a + (long)((b - a) * (i / 32.0))));
        }
        foreach (var (pieceFrom, pieceTo) in curve.Pieces)
        {
            long a = Math.Max(pieceFrom, from), b = Math.Min(pieceTo, to);
            if (a <= b) Improve(a, b);
        }
        if (curve.Problem is not null) return null;
        long? found = FirstAtLeast(curve, from, to, best - tau);
        if (curve.Problem is not null) return null;
        long step = found ?? throw new InvalidOperationException("the maximum search lost its own incumbent");
        return (step, curve.Excess(step));

        void Improve(long a, long b)
        {
            if (curve.Problem is not null || curve.Bounds(a, b).High < best + tau) return;
            if (b - a < LeafSteps)
            {
                for (long s = a; s <= b; s++) best = Math.Max(best, curve.Excess(s));
                return;
            }
            long mid = a + (b - a) / 2;
            Improve(a, mid);
            Improve(mid + 1, b);
        }
    }
}
