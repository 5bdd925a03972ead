using CptLang.Laws.Areas.Kernels;
using CptLang.Laws.Numerics;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace CptLang.Laws.Tests.Areas;

/// <summary>
/// The O(1) momentum series of the power shapes (docs/laws.md §7) against the per-step
/// recurrence <c>m_i = λm_{i−1} + (g(i−1) − g(i))</c>, <c>S2 = Σ m</c>, walked from the segment's
/// start in double-double with cancellation-free drops, to 1e-12 relative wherever the series
/// answers. Drops are written here from the shapes' definitions, not taken from the engine.
/// </summary>
public class PowerMomentumSeriesTests(ITestOutputHelper output)
{
    const double Tolerance = 1e-12;

    internal sealed record Case(Shape Shape, long Length, double Lambda, double From, double To, double Exponent, double[] At)
    {
        public override string ToString() =>
            $"{Shape}(n={Length}, λ={Lambda:R}, {From:R}→{To:R}, p={Exponent:R}, at=[{string.Join(", ", At.Select(a => a.ToString("R")))}])";
    }

    static readonly Gen<Case> Cases =
        Gen.Select(Gen.OneOf(Gen.Const(Shape.OneMinusSqrt), Gen.Const(Shape.SqrtOfOneMinus), Gen.Const(Shape.Polynomial), Gen.Const(Shape.InverseSqrt)),
                Gen.Double[Math.Log(100), Math.Log(1e7)],
                Gen.Double[Math.Log(1e-5), Math.Log(0.1)],
                Gen.Double[0, 1], Gen.Double[0, 1],
                Gen.Frequency((1, Gen.OneOf(Gen.Const(2.0), Gen.Const(3.0), Gen.Const(0.5))), (3, Gen.Double[0.2, 4])),
                Gen.Double[0, 1].Array[6, 6],
                (shape, logN, logGap, u, v, p, at) => (shape, logN, logGap, u, v, p, at))
            .Select(t =>
            {
                var (shape, logN, logGap, u, v, p, at) = t;
                double from = 1e-3 * u, to = 1e-3 * v;
                if (shape == Shape.InverseSqrt) { from = Math.Max(from, 1e-7); to = Math.Max(to, 1e-7); }
                if (from == to) to = from == 0 ? 1e-3 : from / 2;
                if (shape == Shape.Polynomial && p == 1) p = 1.5;
                return new Case(shape, (long)Math.Exp(logN), 1 - Math.Exp(logGap), from, to, p, at);
            });

    [Fact]
    public void The_series_matches_the_per_step_recurrence_to_1e_12_relative()
    {
        long answered = 0, queried = 0;
        double worst = 0;
        string worstCase = "";
        var gate = new object();
        Cases.Sample(c =>
        {
            var decay = new MomentumDecay(c.Lambda);
            var kernel = (PowerAreaKernel)AreaKernel.Create(new Kernel(c.Shape, c.From, c.To, c.Shape == Shape.Polynomial ? c.Exponent : 0), c.Length, decay);
            var steps = new SortedSet<long> { c.Length, c.Length - 1 };
            long window = kernel.Series.Window;
            foreach (double a in c.At) steps.Add(1 + (long)(a * (c.Length - 1)));
            // Just past the window, where the bounds are tightest.
            if (window + 1 < c.Length) steps.Add(window + 1);
            steps.RemoveWhere(s => s < 1);

            var walk = new Recurrence(c);
            foreach (long k in steps)
            {
                var (m, s2) = walk.To(k);
                var actual = kernel.At(k);
                Interlocked.Increment(ref queried);
                if (!kernel.Series.TryMomentum(k, out _)) continue;
                Interlocked.Increment(ref answered);
                double rel = Math.Max(Math.Abs(actual.Momentum - m) / Math.Abs(m), Math.Abs(actual.AnnealingArea - s2) / Math.Abs(s2));
                if (k < c.Length) lock (gate) if (rel > worst) { worst = rel; worstCase = $"{c} k={k} m {Math.Abs(actual.Momentum - m) / Math.Abs(m):E2} s2 {Math.Abs(actual.AnnealingArea - s2) / Math.Abs(s2):E2}"; }
                // The last step ends at To exactly, not at the formula's rounding of it: what
                // that step drops is known to an ulp of the LR only, in the engine as here.
                double peak = Math.Max(Math.Abs(c.From), Math.Abs(c.To));
                double lastUlps = k == c.Length ? 4 * (Math.BitIncrement(peak) - peak) : 0;
                Assert.True(Math.Abs(actual.Momentum - m) <= Tolerance * Math.Abs(m) + lastUlps,
                    $"{c}: m({k}) = {actual.Momentum:R}, recurrence {m:R}, rel {Math.Abs(actual.Momentum - m) / Math.Abs(m):E2}");
                Assert.True(Math.Abs(actual.AnnealingArea - s2) <= Tolerance * Math.Abs(s2) + lastUlps / (1 - c.Lambda),
                    $"{c}: S2({k}) = {actual.AnnealingArea:R}, recurrence {s2:R}, rel {Math.Abs(actual.AnnealingArea - s2) / Math.Abs(s2):E2}");
            }
        }, iter: PropertyRuns.Iterations(150));
        output.WriteLine($"series answered {answered} of {queried} queries; worst relative error before the last step {worst:E2} ({worstCase})");
        Assert.True(answered >= queried / 5, $"the series answered only {answered} of {queried} queries");
    }

    [Theory]
    [InlineData(Shape.OneMinusSqrt, 197_000, 0.999)]
    [InlineData(Shape.OneMinusSqrt, 10_000_000, 0.99999)]
    [InlineData(Shape.SqrtOfOneMinus, 10_000_000, 0.9)]
    [InlineData(Shape.InverseSqrt, 1_000_000, 0.999)]
    public void Long_segments_are_answered_by_the_series_past_the_window(Shape shape, long length, double lambda)
    {
        var kernel = (PowerAreaKernel)AreaKernel.Create(new Kernel(shape, 1e-3, 1e-4), length, new MomentumDecay(lambda));
        long window = kernel.Series.Window;
        Assert.True(kernel.Series.TryMomentum(length / 2 + 3 * window / 2, out _));
        Assert.True(kernel.Series.TryMomentum(Math.Min(length - 1, 2 * window + length / 3), out _));
    }

    /// <summary>The recurrence in double-double: <c>m</c> and <c>S2</c> as unevaluated sums of
    /// two doubles, so that ~10⁷ steps add no rounding of their own.</summary>
    sealed class Recurrence(Case c)
    {
        long step;
        double mHi, mLo, sHi, sLo;
        readonly double n = c.Length, drop = c.From - c.To, rate = (c.From / c.To) * (c.From / c.To) - 1;

        public (double Momentum, double S2) To(long k)
        {
            for (; step < k; step++)
            {
                long i = step + 1;
                double d = Drop(i);
                // m ← λm + d
                double ph = c.Lambda * mHi, pl = Math.FusedMultiplyAdd(c.Lambda, mHi, -ph) + c.Lambda * mLo;
                (mHi, mLo) = Add(ph, pl, d, 0);
                (sHi, sLo) = Add(sHi, sLo, mHi, mLo);
            }
            return (mHi + mLo, sHi + sLo);
        }

        static (double, double) Add(double ah, double al, double bh, double bl)
        {
            double s = ah + bh, bb = s - ah, e = (ah - (s - bb)) + (bh - bb);
            e += al + bl;
            double hi = s + e;
            return (hi, e - (hi - s));
        }

        /// <summary><c>g(i − 1) − g(i)</c> as <c>scale·x_i^p·expm1(p·log1p((x_{i−1} − x_i)/x_i))</c>;
        /// the last step ends at <c>To</c> exactly, as the engine's LR does.</summary>
        double Drop(long i)
        {
            var (b0, b1, p, scale, offset) = c.Shape switch
            {
                Shape.OneMinusSqrt => (0.0, 1.0, 0.5, -drop, c.From),
                Shape.SqrtOfOneMinus => (n, -1.0, 0.5, drop, c.To),
                Shape.Polynomial => (n, -1.0, c.Exponent, drop, c.To),
                _ => (n, rate, -0.5, c.From, 0.0),
            };
            double x = (b0 + b1 * i) / n, xPrev = (b0 + b1 * (i - 1)) / n;
            double d = x == 0 || xPrev == 0
                ? scale * (Math.Pow(xPrev, p) - Math.Pow(x, p))
                : scale * Math.Pow(x, p) * Expm1(p * Log1p(-b1 / n / x));
            if (i == c.Length) d += offset + scale * Math.Pow(x, p) - c.To;
            return d;
        }

        // Kahan's accurate forms, independent of the engine's StableMath.
        static double Log1p(double y)
        {
            double u = 1 + y;
            return u == 1 ? y : Math.Log(u) * y / (u - 1);
        }

        static double Expm1(double y)
        {
            if (Math.Abs(y) > 0.5) return Math.Exp(y) - 1;
            double u = Math.Exp(y);
            return u == 1 ? y : (u - 1) * y / Math.Log(u);
        }
    }
}
