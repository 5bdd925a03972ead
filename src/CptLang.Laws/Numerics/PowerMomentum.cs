using System.Runtime.Intrinsics;
using MathNet.Numerics.Integration;

namespace CptLang.Laws.Numerics;

/// <summary>
/// The momentum <c>M(k) = Σ_{i=1..k} λ^{k−i}·d(i)</c>, <c>d(i) = f(i − 1) − f(i)</c>, of a power of
/// a linear function <c>f = x^p</c> (<see cref="PowerOfLinear"/>: 1-sqrt, √(1−r), <c>(1−r)^p</c>,
/// inverse square root), in a number of operations that depends on neither <c>k</c> nor λ
/// (docs/laws.md §7):
/// <list type="bullet">
/// <item>steps within <see cref="Zone"/> steps of the branch point <c>x = 0</c> are summed one by one;</item>
/// <item>the rest by the Euler–Maclaurin formula applied to <c>h(s) = λ^{b−s}·d(s)</c>, with
/// <see cref="Corrections"/> Bernoulli terms. Its integral is written as
/// <c>∫ −f'(u)·w(u) du</c> (<c>d(s) = −∫_{s−1}^{s} f'</c>), a positive weight times a one-signed
/// power, so nothing cancels; it is summed by 16-point Gauss–Legendre panels, each short against
/// both the decay time <c>1/(−ln λ)</c> and its distance to the branch point;</item>
/// <item>steps older than a window whose whole contribution is below 2^−60 of the newest drop are
/// left out (every drop of a monotone segment has the same sign).</item>
/// </list>
/// The remainder of Euler–Maclaurin is bounded rigorously and checked on every query (below 2^−56
/// of the result); λ below about 0.83 (a decay time under five and a half steps) is outside the formula's
/// range and walks its short window instead.
/// </summary>
internal sealed class PowerMomentum
{
    /// <summary><c>P</c>: Bernoulli terms <c>B_2 … B_{2P}</c>; the remainder involves <c>h^{(2P)}</c>.</summary>
    const int Corrections = 6;
    const double Tolerance = 1.0 / (1L << 56);
    const double TruncationTolerance = 1.0 / (1L << 60);
    const int MinZone = 64, MaxZone = 1 << 16;
    /// <summary>Ranges shorter than this are summed directly: cheaper than the formula.</summary>
    const long MinRange = 64;
    /// <summary>A panel spans at most this many decay times <c>1/(−ln λ)</c>.</summary>
    const double PanelDecays = 8;

    // B_{2j}/(2j)! for j = 1..6.
    static readonly double[] BernoulliOverFactorial =
        [1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160, -691.0 / 1307674368000];

    // |R_P| ≤ 2ζ(2P)/(2π)^{2P}·∫|h^{(2P)}|, ζ(12) = 1.000246086553308.
    static readonly double RemainderFactor = 2 * 1.000246086553308 / Math.Pow(2 * Math.PI, 2 * Corrections);

    // Gauss–Legendre nodes and weights on [−1, 1] (the rule's properties copy their arrays).
    static readonly double[] PanelNodes, PanelWeights, PieceNodes, PieceWeights;

    static PowerMomentum()
    {
        var panel = new GaussLegendreRule(-1, 1, 16);
        var piece = new GaussLegendreRule(-1, 1, 8);
        (PanelNodes, PanelWeights) = (panel.Abscissas, panel.Weights);
        (PieceNodes, PieceWeights) = (piece.Abscissas, piece.Weights);
        PieceTimes = [.. PieceNodes.Select(x => (x + 1) / 2)];
    }

    /// <summary>The piece rule's nodes mapped to [0, 1].</summary>
    static readonly double[] PieceTimes;

    readonly PowerOfLinear power;
    readonly double lambda, c, p, q, beta, branch, logScale, sign;
    readonly bool increasing;
    double headSum;
    /// <summary><c>|f(0) − f(n)|</c>: every drop of the segment together.</summary>
    readonly double wholeDrop;
    /// <summary><c>logScale − (q + 1)·ln c</c>.</summary>
    readonly double kummerScale;
    /// <summary>The end pieces' weights: the rule's weight times <c>(e^{ct} − 1)/c</c> (left) or
    /// <c>(1 − e^{−c(1−t)})/c</c> (right); they depend on λ only.</summary>
    readonly double[] leftWeights, rightWeights;
    readonly double expm1COverC;
    long headTo = -1;
    /// <summary><c>C(2P, l)·c^{2P−l}·|(p−1)…(p−l)|</c>, the coefficients of <see cref="DerivativeRatio"/>.</summary>
    readonly double[] ratioTerms = new double[2 * Corrections + 1];
    /// <summary><c>c^j</c>, <c>j = 0..2P</c>.</summary>
    readonly double[] cPowers = new double[2 * Corrections + 1];

    /// <param name="length">The segment's steps <c>n</c>: <c>x</c> is non-negative on <c>[0, n]</c>.</param>
    public PowerMomentum(PowerOfLinear power, MomentumDecay decay, long length)
    {
        wholeDrop = Math.Abs(power.Difference(0, length));
        this.power = power;
        lambda = decay.Lambda;
        c = -decay.LogLambda;
        p = power.P;
        q = p - 1;
        beta = power.B1 / power.Den;
        increasing = power.B1 > 0;
        branch = -power.B0 / power.B1;
        // −f'(u) = −p·β·x^{p−1} = sign·exp(logScale + (p − 1)·ln y), logScale = ln|p| + p·ln|β|, y = x/|β| the distance in steps.
        sign = -Math.Sign(p * beta);
        logScale = Math.Log(Math.Abs(p)) + p * Math.Log(Math.Abs(beta));
        cPowers[0] = 1;
        for (int j = 1; j < cPowers.Length; j++) cPowers[j] = cPowers[j - 1] * c;
        for (int l = 0, m = 2 * Corrections; l <= m; l++)
        {
            double falling = 1;
            for (int i = 1; i <= l; i++) falling *= Math.Abs(p - i);
            ratioTerms[l] = Binomial[m][l] * cPowers[m - l] * falling;
        }
        Zone = ChooseZone();
        expm1COverC = StableMath.Expm1(c) / c;
        kummerScale = logScale - (q + 1) * Math.Log(c);
        leftWeights = new double[PieceNodes.Length];
        rightWeights = new double[PieceNodes.Length];
        for (int j = 0; j < PieceNodes.Length; j++)
        {
            double t = PieceTimes[j], w = PieceWeights[j] / 2;
            leftWeights[j] = w * StableMath.Expm1(c * t) / c;
            rightWeights[j] = w * -StableMath.Expm1(-c * (1 - t)) / c;
        }
    }

    /// <summary>Steps closer than this to the branch point are summed one by one; 0 when λ is
    /// too small for the formula (then every query walks its window, a few hundred steps at most).</summary>
    public int Zone { get; }

    /// <summary>The smallest zone (a power of two from 64) whose remainder bound, at most
    /// <c>RemainderFactor·ρ(Z)</c> of the integral, is below 1/16 of the tolerance.</summary>
    int ChooseZone()
    {
        for (int zone = MinZone; zone <= MaxZone; zone *= 2)
            if (zone >= 8 * Math.Abs(q) && RemainderFactor * DerivativeRatio(zone) <= Tolerance / 16) return zone;
        return 0;
    }

    /// <summary>An upper bound of <c>|h^{(2P)}(s)|/|h(s)|</c> wherever both steps of <c>d(s)</c>
    /// are at least <paramref name="y"/> steps from the branch point:
    /// <c>h^{(m)} = λ^{b−s}·Σ_l C(m, l)·c^{m−l}·d^{(l)}</c> (<c>c = −ln λ</c>), and
    /// <c>|d^{(l)}(s)| ≤ max|f^{(l+1)}| ≤ |(p−1)…(p−l)|·y^{−l}·(1 + 1/y)^{2|p|+l+2}·|d(s)|</c>
    /// because <c>|d(s)| ≥ min|f'|</c> on <c>[s − 1, s]</c> and <c>f^{(j)} ∝ x^{p−j}</c>.</summary>
    double DerivativeRatio(double y)
    {
        // Σ_l ratioTerms[l]·u^l with u = (1 + 1/y)/y, times (1 + 1/y)^{2|p|+2}.
        double grow = 1 + 1 / y, u = grow / y, total = 0;
        for (int l = ratioTerms.Length - 1; l >= 0; l--) total = total * u + ratioTerms[l];
        return total * Math.Pow(grow, 2 * Math.Abs(p) + 2);
    }

    /// <summary>Distance of step <paramref name="u"/> to the branch point, in steps.</summary>
    double Distance(double u) => (power.B0 + power.B1 * u) / Math.Abs(power.B1);

    /// <summary><c>M(k)</c>; <c>x</c> must be non-negative on <c>[0, k]</c>.</summary>
    public double Sum(long k) => Sum(k, out _);

    /// <summary><c>M(k)</c>, and whether it was walked beyond the zone next to the branch point
    /// (only where the formula's bound failed or λ is outside its range).</summary>
    public double Sum(long k, out bool walkedWindow)
    {
        walkedWindow = false;
        if (k <= 0) return 0;
        long first = Math.Max(1, k - Window(k) + 1);
        if (Zone == 0)
        {
            walkedWindow = k - first >= MinRange;
            return Walk(first, k);
        }
        if (increasing)
        {
            // The zone is at the start: EM from the first step a with y(a − 1) ≥ Z.
            long a = Math.Max(first, (long)Math.Ceiling(branch + Zone) + 1);
            if (k - a + 1 < MinRange) return Walk(first, k);
            double head = a > first ? Head(first, a - 1) * Math.Exp(-c * (k - a + 1)) : 0;
            if (!TryEulerMaclaurin(a, k, out double em)) { walkedWindow = true; return Walk(first, k); }
            return head + em;
        }
        else
        {
            // The zone is at the end: EM up to the last step b with y(b) ≥ Z.
            long b = Math.Min(k, (long)Math.Floor(branch - Zone));
            if (b - first + 1 < MinRange) return Walk(first, k);
            if (!TryEulerMaclaurin(first, b, out double em)) { walkedWindow = true; return Walk(first, k); }
            return em * Math.Exp(-c * (k - b)) + (b < k ? Walk(b + 1, k) : 0);
        }
    }

    /// <summary>The zone's walk <c>Σ_{i=from..to} λ^{to−i}·d(i)</c>; from the segment's first step
    /// it is the same for every query (those whose window reaches back that far), so it is kept.</summary>
    double Head(long from, long to)
    {
        if (from != 1) return Walk(from, to);
        if (Volatile.Read(ref headTo) != to) // a race only computes the same value twice
        {
            headSum = Walk(1, to);
            Volatile.Write(ref headTo, to);
        }
        return headSum;
    }

    /// <summary>Steps older than <c>W</c> add at most <c>λ^W·|f(0) − f(k)| ≤ λ^W·|f(0) − f(n)|</c>
    /// (one-signed drops), and <c>|M(k)| ≥ |d(k)|</c>; <c>W</c> makes the first at most 2^−60 of
    /// the second.</summary>
    long Window(long k)
    {
        if (wholeDrop == 0) return 1;
        double w = Math.Log(TruncationTolerance * Math.Max(NewestDropBound(k), double.Epsilon) / wholeDrop) / -c;
        return w >= k ? k : Math.Max(1, (long)Math.Ceiling(w));
    }

    /// <summary>A lower bound of <c>|d(k)|</c>: by the mean value theorem at least the smaller of
    /// <c>|f'|</c> at its two steps (<c>|f'| = |p·β|·x^p/x</c>, monotone in between); the exact
    /// drop where <c>x</c> reaches 0.</summary>
    double NewestDropBound(long k)
    {
        double x = power.X(k), xPrev = power.X(k - 1);
        if (!(x > 0 && xPrev > 0)) return Math.Abs(power.Difference(k - 1, k));
        double slope = Math.Abs(p * beta);
        return Math.Min(slope * power.Pow(x) / x, slope * power.Pow(xPrev) / xPrev);
    }

    /// <summary><c>Σ_{i=from..to} λ^{to−i}·d(i)</c> step by step. Next to the branch point the
    /// drops are plain differences of the rounded powers (losing at most ~y/|p| ulps): there
    /// <c>x(k)</c> itself is ill-conditioned, and only drops that telescope with the rounded
    /// <c>x(k)</c> keep the identity for <c>S2</c> (which subtracts <c>λ·m</c> from the drop so
    /// far and divides by <c>1 − λ</c>) from magnifying its rounding.</summary>
    double Walk(long from, long to)
    {
        double m = 0, plainBelow = 4 * Math.Max(Zone, MinZone);
        for (long i = from; i <= to; i++)
        {
            double d = Math.Min(Distance(i - 1), Distance(i)) < plainBelow
                ? power.Pow(power.X(i - 1)) - power.Pow(power.X(i))
                : power.Difference(i - 1, i);
            m = lambda * m + d;
        }
        return m;
    }

    /// <summary><c>Σ_{i=a..b} λ^{b−i}·d(i)</c> by Euler–Maclaurin, or false if the remainder
    /// bound is not below the tolerance.</summary>
    bool TryEulerMaclaurin(long a, long b, out double sum)
    {
        double weightA = Math.Exp(-c * (b - a));
        double yb = Distance(b);
        double integral = sign * (expm1COverC * Middle(1, b - a, yb) + Piece(yb, 0, rightWeights));
        Span<double> db = stackalloc double[2 * Corrections];
        DropDerivatives(b, db);
        sum = integral + db[0] / 2;
        for (int j = 1; j <= Corrections; j++) sum += BernoulliOverFactorial[j - 1] * Derivative(db, 2 * j - 1);
        // The a end (its half term, its Bernoulli terms, its one-step piece) is at most
        // 2·e^{−c(b−a)}·|d(a)| ≤ 2·e^{−c(b−a)}·|f(0) − f(n)| (every derivative ratio below 1 at the
        // zone's distance): left out where that is below 2^−58 of the rest, as the window's far
        // end usually is.
        if (!(2 * weightA * wholeDrop <= Tolerance / 4 * Math.Abs(sum)))
        {
            Span<double> da = stackalloc double[2 * Corrections];
            DropDerivatives(a, da);
            double left = sign * weightA * Piece(yb, b - a, leftWeights);
            integral += left;
            sum += left + weightA * da[0] / 2;
            for (int j = 1; j <= Corrections; j++) sum -= BernoulliOverFactorial[j - 1] * weightA * Derivative(da, 2 * j - 1);
        }
        // Nearest the branch point: y(a − 1) when it lies behind, y(b) when ahead.
        double nearest = increasing ? Distance(a - 1) : Distance(b);
        double bound = RemainderFactor * DerivativeRatio(nearest) * Math.Abs(integral);
        return bound <= Tolerance * Math.Abs(sum);
    }

    /// <summary><c>e^{−c(b−s)}</c> aside, <c>h^{(m)}(s) = Σ_l C(m, l)·c^{m−l}·d^{(l)}(s)</c>.</summary>
    double Derivative(ReadOnlySpan<double> drops, int m)
    {
        var binomial = Binomial[m];
        double total = 0;
        for (int l = 0; l <= m; l++) total += binomial[l] * cPowers[m - l] * drops[l];
        return total;
    }

    /// <summary>Pascal's triangle up to row 2P.</summary>
    static readonly double[][] Binomial = [.. Enumerable.Range(0, 2 * Corrections + 1).Select(n =>
        Enumerable.Range(0, n + 1).Select(k => Enumerable.Range(1, k).Aggregate(1.0, (b, i) => b * (n - k + i) / i)).ToArray())];

    /// <summary><c>d^{(l)}(s) = f^{(l)}(s − 1) − f^{(l)}(s)</c>, <c>f^{(l)} = (p)_l·β^l·x^{p−l}</c>;
    /// <c>d</c> itself without cancellation, the derivatives (corrections only) as plain differences.</summary>
    void DropDerivatives(long s, Span<double> into)
    {
        double x = power.X(s), xPrev = power.X(s - 1);
        double f = power.Pow(x);
        double ratio = StableMath.Log1p(-beta / x); // ln(x(s − 1)/x(s))
        double fPrev = f * Math.Exp(p * ratio);
        into[0] = f * StableMath.Expm1(p * ratio);
        double gPrev = fPrev, g = f, stepPrev = beta / xPrev, step = beta / x;
        for (int l = 1; l < into.Length; l++)
        {
            gPrev *= (p - l + 1) * stepPrev;
            g *= (p - l + 1) * step;
            into[l] = gPrev - g;
        }
    }

    // The integral of Euler–Maclaurin: ∫_a^b e^{−c(b−s)}·d(s) ds = ∫_{a−1}^{b} −f'(u)·w(u) du with
    // w(u) = ∫ e^{−c(b−s)} ds over s ∈ [a, b] ∩ [u, u + 1]: e^{−c(b−u)}·(e^c − 1)/c in the middle,
    // and the two end pieces of one step each. Positions are written as v = b − u, steps back
    // from b: a node's rounding then moves c·v by an ulp of c·v, not of c·b (which at 10⁶ steps
    // would cost 10⁻¹¹).

    /// <summary><c>Σ_j weights_j·|f'|</c> at <c>v = offset + 1 − t_j</c> (the piece's nodes
    /// <c>t_j</c> on [0, 1]), four nodes at a time.</summary>
    double Piece(double yb, double offset, double[] weights)
    {
        var logScaleV = Vector256.Create(logScale);
        var qV = Vector256.Create(q);
        var sum = Vector256<double>.Zero;
        for (int j = 0; j < weights.Length; j += 4)
        {
            var v = Vector256.Create(offset + 1) - Vector256.Create(PieceTimes.AsSpan(j));
            var distance = increasing ? Vector256.Create(yb) - v : Vector256.Create(yb) + v;
            sum += Vector256.Create(weights.AsSpan(j)) * Vector256.Exp(logScaleV + qV * Vector256.Log(distance));
        }
        return Vector256.Sum(sum);
    }

    /// <summary>The distance to the branch point <paramref name="v"/> steps before a step at
    /// distance <paramref name="yb"/>.</summary>
    double Back(double yb, double v) => increasing ? yb - v : yb + v;


    /// <summary>
    /// The middle integral in closed form where the branch point lies behind and <c>p &gt; 0</c>
    /// (1-sqrt): <c>∫_{y0}^{y1} e^{logScale}·y^q·e^{−c(yb − y)} dy</c> with <c>q = p − 1 > −1</c>
    /// is <c>e^{logScale}·c^{−q−1}·e^{t1 − tb}·[G(t1) − e^{−(t1 − t0)}·G(t0)]</c>, <c>t = c·y</c>,
    /// <c>G(z) = e^{−z}∫_0^z t^q·e^t dt</c>: Kummer's series
    /// <c>G(z) = z^{q+1}·e^{−z}·Σ_m z^m/(m!·(q + 1 + m))</c> (positive terms) up to <c>z = 45</c>,
    /// the asymptotic <c>G(z) ~ z^q·Σ_m (−1)^m·q(q−1)…(q−m+1)/z^m</c> beyond (its error, the series' least
    /// term and the lower limit's <c>e^{−z}</c>, is below 10⁻¹⁸). Only when the subtracted term is
    /// below 3/4 of the first (so the difference keeps all but two of its digits: the stretch is
    /// long against the decay time or reaches near the branch point); false otherwise (the panels answer).
    /// </summary>
    bool TryKummer(double v0, double v1, double yb, out double integral)
    {
        integral = 0;
        double y0 = yb - v1, y1 = yb - v0;
        if (!(y0 > 0 && v1 > v0)) return false;
        double g1 = LogG(c * y1, out bool ok1), g0 = LogG(c * y0, out bool ok0);
        if (!ok1 || !ok0) return false;
        // G(t1) − e^{−(t1 − t0)}·G(t0) = G(t1)·(1 − e^{g0 − (t1 − t0) − g1}); the differences of
        // t are written from v (c·b would cost its rounding, 10⁻¹² at 10⁴ decay times).
        double ratio = Math.Exp(g0 - c * (v1 - v0) - g1);
        if (!(ratio < 0.75)) return false;
        integral = Math.Exp(kummerScale - c * v0 + g1) * (1 - ratio);
        return double.IsFinite(integral);
    }

    const int KummerTerms = 256;
    /// <summary><c>1/(m + 1)</c>.</summary>
    static readonly double[] Reciprocals = [.. Enumerable.Range(0, KummerTerms).Select(m => 1.0 / (m + 1))];
    static readonly System.Collections.Concurrent.ConcurrentDictionary<double, double[]> Denominators = new();

    /// <summary><c>1/(q + 1 + m)</c> for one <c>q</c>, shared by every kernel with that power.</summary>
    static double[] KummerDenominators(double q) =>
        Denominators.GetOrAdd(q, key => [.. Enumerable.Range(0, KummerTerms).Select(m => 1 / (key + 1 + m))]);

    /// <summary><c>ln G(z)</c> (see <see cref="TryKummer"/>).</summary>
    double LogG(double z, out bool ok)
    {
        ok = true;
        if (z <= 45)
        {
            var shifted = KummerDenominators(q);
            double sum = 0, power = 1; // z^m/m!
            for (int m = 0; m < KummerTerms; m++)
            {
                double term = power * shifted[m];
                sum += term;
                // Past m = z the terms shrink by z/(m + 1) or faster: the tail is a geometric series.
                if (m > z && term * z <= 1e-18 * sum * (m + 1 - z))
                    return (q + 1) * Math.Log(z) - z + Math.Log(sum);
                power *= z * Reciprocals[m];
            }
            ok = false;
            return 0;
        }
        double series = 1, t = 1;
        for (int m = 1; m < 60; m++)
        {
            double next = t * (m - 1 - q) / z;
            if (Math.Abs(next) >= Math.Abs(t)) break; // past the least term (already below 10⁻¹⁸)
            t = next;
            series += t;
            if (Math.Abs(t) <= 1e-18 * Math.Abs(series)) return q * Math.Log(z) + Math.Log(series);
        }
        ok = Math.Abs(t) <= 1e-17 * Math.Abs(series);
        return q * Math.Log(z) + Math.Log(series);
    }

    /// <summary><c>∫ |f'(b − v)|·e^{−cv} dv</c> over <c>v ∈ [v0, v1]</c> by 16-point Gauss–Legendre
    /// panels from <c>v0</c> on. A panel of width <c>w</c> spans at most
    /// <see cref="PanelDecays"/> decay times (<c>c·h ≤ 4</c>, <c>h = w/2</c>) and
    /// <c>w ≤ y/r</c>, <c>r = max(2, |p − 1|)</c>, <c>y</c> its least distance to the branch point,
    /// so the branch point is at least <c>(2r + 1)·h</c> from the panel's centre. On the Bernstein
    /// ellipse of semi-axis <c>4h</c> (ρ = 4 + √15) the integrand is then at most
    /// <c>e^{5ch}·((2r + 2)/(2r − 3))^{|p−1|} ≤ e^{20}·36</c> times its least value on the panel,
    /// and the rule's error, at most <c>(64/15)·max/((ρ²−1)·ρ^{32})</c> per half-width, is below
    /// 10⁻¹⁹ of the panel's integral. Nodes are evaluated four at a time.</summary>
    double Middle(double v0, double v1, double yb)
    {
        if (increasing && q > -1 && TryKummer(v0, v1, yb, out double exact)) return exact;
        double total = 0, reach = Math.Max(2, Math.Abs(q)), longest = PanelDecays / c;
        var logScaleV = Vector256.Create(logScale);
        var qV = Vector256.Create(q);
        var cV = Vector256.Create(c);
        var ybV = Vector256.Create(yb);
        for (double near = v0; near < v1;)
        {
            double y = Back(yb, near);
            double width = Math.Min(Math.Min(v1 - near, longest), increasing ? y / (1 + reach) : y / reach);
            double half = width / 2, mid = near + half;
            var midV = Vector256.Create(mid);
            var halfV = Vector256.Create(half);
            var sum = Vector256<double>.Zero;
            for (int j = 0; j < PanelNodes.Length; j += 4)
            {
                var v = midV + halfV * Vector256.Create(PanelNodes.AsSpan(j));
                var distance = increasing ? ybV - v : ybV + v;
                sum += Vector256.Create(PanelWeights.AsSpan(j)) * Vector256.Exp(logScaleV + qV * Vector256.Log(distance) - cV * v);
            }
            total += half * Vector256.Sum(sum);
            near += width;
            if (v1 - near < 1e-9 * width) break;
        }
        return total;
    }
}
