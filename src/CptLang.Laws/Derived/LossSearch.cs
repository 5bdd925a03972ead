namespace CptLang.Laws.Derived;

/// <summary>
/// Exact integer searches over a <see cref="ContinualCurve"/> by branch and bound: an interval
/// is split only while its bounds leave the answer open, so a search costs a few evaluations per
/// bisection level near the answer instead of one per step. Leaves of
/// <see cref="LeafSteps"/> steps are scanned step by step, with the same evaluation a brute-force
/// walk would use, so the result is the one a walk would find.
/// </summary>
internal static class LossSearch
{
    const long LeafSteps = 16;

    /// <summary>The first step in <paramref name="from"/>..<paramref name="to"/> where the loss is
    /// above its switch value by more than the curve's resolution, or null.</summary>
    public static long? FirstAbove(ContinualCurve curve, long from, long to)
    {
        double threshold = curve.Resolution;
        return First(curve, from, to, h => h > threshold, b => b.High <= threshold);
    }

    /// <summary>The first step in <paramref name="from"/>..<paramref name="to"/> where the loss
    /// is at least <paramref name="level"/> above its switch value, or null.</summary>
    public static long? FirstAtLeast(ContinualCurve curve, long from, long to, double level) =>
        First(curve, from, to, h => h >= level, b => b.High < level);

    /// <summary>The first step in <paramref name="from"/>..<paramref name="to"/> where the loss is
    /// at or below its switch value (<c>h ≤ 0</c>), or null.</summary>
    public static long? FirstAtOrBelow(ContinualCurve curve, long from, long to) =>
        First(curve, from, to, h => h <= 0, b => b.Low > 0);

    static long? First(ContinualCurve curve, long from, long to, Func<double, bool> accept, Func<(double Low, double High), bool> excluded)
    {
        foreach (var (pieceFrom, pieceTo) in curve.Pieces)
        {
            long a = Math.Max(pieceFrom, from), b = Math.Min(pieceTo, to);
            if (a > b) continue;
            if (Search(curve, a, b, accept, excluded) is long found) return found;
        }
        return null;

        static long? Search(ContinualCurve curve, long a, long b, Func<double, bool> accept, Func<(double, double), bool> excluded)
        {
            if (excluded(curve.Bounds(a, b))) return null;
            if (b - a < LeafSteps)
            {
                for (long s = a; s <= b; s++)
                    if (accept(curve.Excess(s))) return s;
                return null;
            }
            long mid = a + (b - a) / 2;
            return Search(curve, a, mid, accept, excluded) ?? Search(curve, mid + 1, b, accept, excluded);
        }
    }

    /// <summary>
    /// The peak of the loss over <paramref name="from"/>..<paramref name="to"/>, to the curve's
    /// resolution <c>τ</c>: first the maximum <c>M</c> to within <c>τ</c> (an interval is skipped
    /// when it cannot beat the best value so far by <c>τ</c>, so a flat plateau is not walked),
    /// then the earliest step whose excess is at least <c>best − τ</c>. The step returned is never
    /// later than the first step within <c>τ</c> of <c>M</c>, and its loss is within <c>2τ</c> of it.
    /// </summary>
    public static (long Step, double Excess) Maximum(ContinualCurve curve, long from, long to)
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
        long step = FirstAtLeast(curve, from, to, best - tau)
            ?? throw new InvalidOperationException("the maximum search lost its own incumbent");
        return (step, curve.Excess(step));

        void Improve(long a, long b)
        {
            if (curve.Bounds(a, b).High < best + tau) return;
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
