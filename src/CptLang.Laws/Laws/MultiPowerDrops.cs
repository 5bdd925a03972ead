using CptLang.Laws.Areas;
using CptLang.Laws.Numerics;

namespace CptLang.Laws.Laws;

/// <summary>
/// The loss-drop sum of the Multi-Power Law (docs/laws.md §3, Multi-Power Law) for one plan:
/// <c>LD(t)/B = Σ_{k≤t} (η_{k−1} − η_k)·G(η_k^(−γ)·S_k(t))</c>, <c>G(x) = 1 − (C·x + 1)^(−β)</c>,
/// <c>S_k(t) = η_k + … + η_t</c>, over the LRs the areas count (η_0 := η_1).
/// <para>Never O(t): every jump is one term; inside a segment whose LR moves, the steps near
/// either end of the summed range (the segment's ends and <c>t</c>, where the summand is not smooth
/// or varies fastest) are added one by one, and the rest is split into panels no longer than
/// their distance to those ends, each summed by trapezoid sums of spacing h, h/2, h/4, h/8 on
/// integer steps extrapolated in h² to spacing 1 (Euler–Maclaurin: the error terms are a series
/// in h² with the same coefficients for every spacing, so spacing 1, the exact sum, is reached by
/// extrapolation and the first omitted term is of order (h/d)^8). The result is a weighted sum of
/// the summand at fixed nodes, <see cref="Collect"/>, which the fitter reuses with other
/// parameters.</para>
/// </summary>
internal sealed class MultiPowerDrops(ScheduleAreas areas, bool coarse = false)
{
    /// <summary>Steps added one by one at each end of a range that moves (8 for the fitter's
    /// coarse nodes, whose relative error stays near 1e-5, far below the noise of a loss log).</summary>
    readonly int Edge = coarse ? 8 : 64;
    /// <summary>A panel spans a multiple of this many steps; its finest spacing is span/Unit.</summary>
    readonly int Unit = coarse ? 16 : 64;

    [ThreadStatic] static MultiPowerNodes? scratch;

    public ScheduleAreas Areas => areas;

    /// <summary><c>LD(t)/B</c> for the parameters <c>C, β, γ</c>.</summary>
    public double Sum(long step, double c, double beta, double gamma)
    {
        var nodes = scratch ??= new MultiPowerNodes();
        Collect(step, nodes);
        return nodes.Sum(c, beta, gamma);
    }

    /// <summary>Fills <paramref name="nodes"/> with the weighted terms of <c>LD(t)/B</c>.</summary>
    public void Collect(long t, MultiPowerNodes nodes)
    {
        nodes.Clear();
        var plan = areas.Plan;
        int last = plan.SegmentIndexOf(t);
        var at = new Walk(areas, nodes, last, t - plan.Segments[last].FirstStep + 1, Edge, Unit);
        for (int i = 0; i <= last; i++)
        {
            long n = plan.Segments[i].Length, end = i == last ? at.LocalT : n;
            double first = areas.EffectiveLearningRateBefore(i) - areas.EffectiveLearningRate(i, 1);
            if (first != 0) at.Exact(i, 1, 1, first);
            if (end < 2) continue;
            if (areas.DropsOnlyAtEnd(i))
            {
                if (end == n && areas.DropWithin(i, n) is var d && d != 0) at.Exact(i, n, n, d);
                continue;
            }
            at.Smooth(i, 2, end);
        }
    }

    readonly struct Walk
    {
        readonly ScheduleAreas areas;
        readonly MultiPowerNodes nodes;
        readonly int lastSegment;
        readonly long localT;
        /// <summary>Per segment: the forward area of the later segments up to t (a sum of
        /// non-negative parts), and the segment's own area up to its end or t.</summary>
        readonly double[] tail, own;

        readonly int Edge, Unit;

        public Walk(ScheduleAreas areas, MultiPowerNodes nodes, int lastSegment, long localT, int edge, int unit)
        {
            Edge = edge;
            Unit = unit;
            this.areas = areas;
            this.nodes = nodes;
            this.lastSegment = lastSegment;
            this.localT = localT;
            tail = nodes.Tail(lastSegment + 1);
            own = nodes.Own(lastSegment + 1);
            double later = 0;
            for (int i = lastSegment; i >= 0; i--)
            {
                own[i] = areas.SegmentForwardArea(i, i == lastSegment ? localT : areas.Plan.Segments[i].Length);
                tail[i] = later;
                later += own[i];
            }
        }

        public long LocalT => localT;

        /// <summary><c>S_k(t)</c> for step k of segment i, without subtracting two run totals.</summary>
        double Distance(int i, long k) => tail[i] + (own[i] - areas.SegmentForwardArea(i, k - 1));

        /// <summary>Steps <paramref name="a"/>..<paramref name="b"/> of segment <paramref name="i"/> one
        /// by one, <c>S_k(t)</c> accumulated backwards from b (no cancellation near t); a single
        /// step may give its drop (a jump).</summary>
        public void Exact(int i, long a, long b, double? drop = null)
        {
            long end = i == lastSegment ? localT : areas.Plan.Segments[i].Length;
            double d = b == end ? tail[i] : Distance(i, b + 1);
            for (long k = b; k >= a; k--)
            {
                double eta = areas.EffectiveLearningRate(i, k);
                d += eta;
                nodes.Add(1, drop ?? areas.DropWithin(i, k), eta, d);
            }
        }

        /// <summary>Σ over steps a..b of a segment whose LR moves smoothly.</summary>
        public void Smooth(int i, long a, long b)
        {
            if (b - a + 1 <= 2 * Edge + 2 * Unit) { Exact(i, a, b); return; }
            Exact(i, a, a + Edge - 1);
            Exact(i, b - Edge + 1, b);
            long p = a + Edge, q = b - Edge;
            long r = (q - p) % Unit;
            if (r > 0) { Exact(i, p, p + r - 1); p += r; }
            Panel(i, p, q, a, b);
        }

        void Panel(int i, long p, long q, long a, long b)
        {
            long m = q - p;
            if (m <= Unit) { Exact(i, p, q); return; }
            if (m + 1 > Math.Min(p - a, b - q))
            {
                long mid = p + Unit * (m / Unit / 2);
                Panel(i, p, mid, a, b);
                Panel(i, mid, q, a, b);
                Node(i, mid, -1); // counted by both halves
                return;
            }
            Extrapolated(i, p, q);
        }

        void Extrapolated(int i, long p, long q)
        {
            long m = q - p, h = m / Unit;
            // spacings 8h, 4h, 2h, h; Lagrange weights in u = spacing² at u = 1
            Span<double> u = [64.0 * h * h, 16.0 * h * h, 4.0 * h * h, 1.0 * h * h];
            Span<double> lambda = stackalloc double[4];
            for (int l = 0; l < 4; l++)
            {
                double w = 1;
                for (int j = 0; j < 4; j++) if (j != l) w *= (1 - u[j]) / (u[l] - u[j]);
                lambda[l] = w;
            }
            for (int j = 0; j <= Unit; j++)
            {
                double weight = 0;
                for (int l = 0; l < 4; l++)
                {
                    int stride = 8 >> l;
                    if (j % stride != 0) continue;
                    weight += lambda[l] * stride * h * (j == 0 || j == Unit ? 0.5 : 1);
                }
                // trapezoid → sum: Σ_{k=p..q} f = T(1) + (f(p) + f(q))/2
                if (j == 0 || j == Unit) weight += 0.5;
                Node(i, p + j * h, weight);
            }
        }

        void Node(int i, long k, double weight) =>
            nodes.Add(weight, areas.DropWithin(i, k), areas.EffectiveLearningRate(i, k), Distance(i, k));
    }
}

/// <summary>Weighted terms <c>w·Δ·G(η^(−γ)·D)</c> of the Multi-Power Law's loss drop, kept as
/// columns so that one set of nodes serves many parameter values (the fitter).</summary>
internal sealed class MultiPowerNodes
{
    double[] weightedDrop = new double[256], logLr = new double[256], distance = new double[256];
    double[] tail = new double[16], own = new double[16];

    internal double[] Tail(int segments) => tail.Length >= segments ? tail : tail = new double[segments];
    internal double[] Own(int segments) => own.Length >= segments ? own : own = new double[segments];

    public int Count { get; private set; }

    /// <summary><c>w·Δ</c> per node.</summary>
    public ReadOnlySpan<double> WeightedDrop => weightedDrop.AsSpan(0, Count);
    /// <summary><c>ln η</c> per node (−∞ at LR 0).</summary>
    public ReadOnlySpan<double> LogLr => logLr.AsSpan(0, Count);
    /// <summary><c>S_k(t)</c> per node.</summary>
    public ReadOnlySpan<double> Distance => distance.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(double weight, double drop, double lr, double d)
    {
        double wd = weight * drop;
        if (wd == 0) return;
        if (Count == weightedDrop.Length)
        {
            Array.Resize(ref weightedDrop, 2 * Count);
            Array.Resize(ref logLr, 2 * Count);
            Array.Resize(ref distance, 2 * Count);
        }
        weightedDrop[Count] = wd;
        logLr[Count] = Math.Log(lr);
        distance[Count] = d;
        Count++;
    }

    /// <summary><c>Σ w·Δ·G</c>.</summary>
    public double Sum(double c, double beta, double gamma)
    {
        double sum = 0;
        for (int i = 0; i < Count; i++) sum += weightedDrop[i] * G(logLr[i], distance[i], c, beta, gamma);
        return sum;
    }

    /// <summary><c>G(η^(−γ)·D)</c>; at η = 0 the limit: 1 once any LR was summed, else 0.</summary>
    public static double G(double logLr, double d, double c, double beta, double gamma)
    {
        if (d <= 0) return 0;
        if (double.IsNegativeInfinity(logLr)) return gamma > 0 ? 1 : gamma == 0 ? -StableMath.Expm1(-beta * StableMath.Log1p(c * d)) : 0;
        double x = Math.Exp(-gamma * logLr) * d;
        return -StableMath.Expm1(-beta * StableMath.Log1p(c * x));
    }
}
