using CptLang.Laws.Areas.Kernels;
using CptLang.Laws.Numerics;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace CptLang.Laws.Tests.Areas;

/// <summary>
/// The O(1) momentum of the power shapes (docs/laws.md §7) against the per-step recurrence
/// <c>m_i = λm_{i−1} + (g(i−1) − g(i))</c>, <c>S2 = Σ m</c>, walked from the segment's start in
/// double-double with cancellation-free drops, to 1e-12 relative at every query: every shape,
/// λ from 0.9 to 0.99999, segments up to millions of steps, queries at both ends, next to the
/// zone summed step by step, and anywhere. Drops are written here from the shapes' definitions,
/// not taken from the engine.
/// </summary>
public class PowerMomentumTests(ITestOutputHelper output)
{
    const double Tolerance = 1e-12;
    const double Epsilon = 1.1102230246251565e-16;

    internal sealed record Case(Shape Shape, long Length, double Lambda, double From, double To, double Exponent, double[] At)
    {
        public override string ToString() =>
            $"{Shape}(n={Length}, λ={Lambda:R}, {From:R}→{To:R}, p={Exponent:R}, at=[{string.Join(", ", At.Select(a => a.ToString("R")))}])";
    }

    static readonly Gen<Case> Cases =
        Gen.Select(Gen.OneOf(Gen.Const(Shape.OneMinusSqrt), Gen.Const(Shape.SqrtOfOneMinus), Gen.Const(Shape.Polynomial), Gen.Const(Shape.InverseSqrt)),
                Gen.Double[Math.Log(50), Math.Log(4e6)],
                Gen.Double[Math.Log(1e-5), Math.Log(0.1)],
                Gen.Double[0, 1], Gen.Double[0, 1],
                Gen.Frequency((1, Gen.OneOf(Gen.Const(2.0), Gen.Const(3.0), Gen.Const(0.5), Gen.Const(100.0))), (3, Gen.Double[0.05, 4]), (1, Gen.Double[4, 100])),
                Gen.Double[0, 1].Array[6, 6],
                (shape, logN, logGap, u, v, p, at) => (shape, logN, logGap, u, v, p, at))
            .Select(t =>
            {
                var (shape, logN, logGap, u, v, p, at) = t;
                double from = 1e-3 * u, to = 1e-3 * v;
                if (shape == Shape.InverseSqrt)
                {
                    // Ends up to 10^6 apart, either way (decays and warmups).
                    from = 1e-3 * Math.Pow(10, -6 * u);
                    to = 1e-3 * Math.Pow(10, -6 * v);
                }
                if (from == to) to = from == 0 ? 1e-3 : from / 2;
                if (shape == Shape.Polynomial && p == 1) p = 1.5;
                return new Case(shape, (long)Math.Exp(logN), 1 - Math.Exp(logGap), from, to, p, at);
            });

    [Fact]
    public void The_momentum_matches_the_per_step_recurrence_to_1e_12_relative_at_every_query()
    {
        long queried = 0;
        double worst = 0;
        string worstCase = "";
        var gate = new object();
        Cases.Sample(c =>
        {
            var decay = new MomentumDecay(c.Lambda);
            var kernel = (PowerAreaKernel)AreaKernel.Create(new Kernel(c.Shape, c.From, c.To, c.Shape == Shape.Polynomial ? c.Exponent : 0), c.Length, decay);
            int zone = kernel.PowerMomentum.Zone;
            Assert.True(zone > 0, $"{c}: no zone");
            var steps = new SortedSet<long> { 1, 2, c.Length, c.Length - 1, c.Length - 2 };
            foreach (double a in c.At) steps.Add(1 + (long)(a * (c.Length - 1)));
            // Both ends of the zone and of the shortest range the formula takes, near either end.
            foreach (long s in new long[] { zone, zone + 1, zone + 2, zone + 64, zone + 65, zone + 200, 3 * zone })
            {
                steps.Add(s);
                steps.Add(c.Length - s);
            }
            steps.RemoveWhere(s => s < 1 || s > c.Length);

            var walk = new Recurrence(c);
            foreach (long k in steps)
            {
                var (m, s2) = walk.To(k);
                var actual = kernel.At(k);
                Interlocked.Increment(ref queried);
                if (k < c.Length)
                {
                    kernel.PowerMomentum.Sum(k, out bool walked);
                    Assert.False(walked, $"{c}: step {k} walked its window");
                }
                double relM = Math.Abs(actual.Momentum - m) / Math.Abs(m), relS = Math.Abs(actual.AnnealingArea - s2) / Math.Abs(s2);
                                // The last step ends at To exactly, not at the formula's rounding of it: what
                // that step drops is known to an ulp of the LR only, in the engine as here.
                // Values under 1e-290 of the drop (or 1e-300) have underflowed (p up to 100).
                double peak = Math.Max(Math.Abs(c.From), Math.Abs(c.To));
                double floor = (k == c.Length ? 4 * (Math.BitIncrement(peak) - peak) : 0) + Math.Max(1e-290 * peak, 1e-300);
                // Next to a branch point x(k) = (b0 + b1·k)/n is itself ill-conditioned (an inverse
                // sqrt whose ends are 10^5 apart ends within a step of it): the drops there are
                // defined only to |p − 1|·ε·(|b0| + |b1·k|)/|b0 + b1·k|, in the engine as here.
                double defined = walk.RelativeConditioning(k) * Math.Abs(m);
                double used = Math.Abs(actual.Momentum - m) / (Tolerance * Math.Abs(m) + defined + floor);
                if (k < c.Length) lock (gate) if (used > worst) { worst = used; worstCase = $"{c} k={k}, rel {relM:E2}"; }
                Assert.True(Math.Abs(actual.Momentum - m) <= Tolerance * Math.Abs(m) + defined + floor,
                    $"{c}: m({k}) = {actual.Momentum:R}, recurrence {m:R}, rel {relM:E2}");
                // S2 comes from the identity S2 = (drop so far − λ·m)/(1 − λ), which passes on
                // the momentum's error, the rounding of each operand (an ulp of x^p per unit of p)
                // and of x(k) itself (ill-conditioned next to a branch point), over 1 − λ: within
                // ~1/(1 − λ) steps of the start or next to a branch point that exceeds 1e-12 of S2,
                // for every shape alike.
                double operands = 8 * Math.Max(1, c.Exponent) * Epsilon * (Math.Abs(m) + Math.Abs(c.From - actual.LearningRate)) + walk.Conditioning(k);
                double identity = (Math.Abs(actual.Momentum - m) + operands) / (1 - c.Lambda);
                Assert.True(Math.Abs(actual.AnnealingArea - s2) <= Tolerance * Math.Abs(s2) + identity + floor / (1 - c.Lambda),
                    $"{c}: S2({k}) = {actual.AnnealingArea:R}, recurrence {s2:R}, rel {relS:E2}, m {actual.Momentum:R} vs {m:R}, allowed {identity:E2}");
            }
        }, iter: PropertyRuns.Iterations(120));
        output.WriteLine($"{queried} queries; the momentum's error used at most {worst:P1} of its allowance before the last step ({worstCase})");
    }

    [Theory]
    [InlineData(Shape.OneMinusSqrt, 0.5)]
    [InlineData(Shape.SqrtOfOneMinus, 0.8)]
    [InlineData(Shape.InverseSqrt, 0.8)]
    public void Below_lambda_0_83_the_short_window_is_walked(Shape shape, double lambda)
    {
        var c = new Case(shape, 100_000, lambda, 1e-3, 1e-4, 0, []);
        var kernel = (PowerAreaKernel)AreaKernel.Create(new Kernel(shape, c.From, c.To), c.Length, new MomentumDecay(lambda));
        Assert.Equal(0, kernel.PowerMomentum.Zone);
        var walk = new Recurrence(c);
        foreach (long k in new long[] { 1, 2, 63, 64, 65, 500, 50_000, 99_998, 99_999 })
        {
            var (m, _) = walk.To(k);
            double actual = kernel.At(k).Momentum;
            Assert.True(Math.Abs(actual - m) <= Tolerance * Math.Abs(m) + walk.RelativeConditioning(k) * Math.Abs(m), $"{c}: m({k}) = {actual:R}, recurrence {m:R}");
        }
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

        /// <summary>How far <c>g(k)</c> moves when <c>x(k)</c> moves by its rounding:
        /// <c>4ε·|scale·p·x^p|·(|b0| + |b1·k|)/|b0 + b1·k|</c>.</summary>
        public double Conditioning(long k)
        {
            var (b0, b1, p, scale, _) = Form();
            double x = (b0 + b1 * k) / n;
            if (x == 0) return 0;
            return 4 * Epsilon * Math.Abs(scale * p * Math.Pow(x, p)) * (Math.Abs(b0) + Math.Abs(b1 * k)) / Math.Abs(b0 + b1 * k);
        }

        /// <summary><c>4ε·|p − 1|·(|b0| + |b1·k|)/|b0 + b1·k|</c>: how far the drops next to
        /// step <paramref name="k"/> move, relatively, when <c>x(k)</c> moves by its rounding.</summary>
        public double RelativeConditioning(long k)
        {
            var (b0, b1, p, _, _) = Form();
            double x = b0 + b1 * k;
            return x == 0 ? 0 : 4 * Epsilon * Math.Abs(p - 1) * (Math.Abs(b0) + Math.Abs(b1 * k)) / Math.Abs(x);
        }

        (double B0, double B1, double P, double Scale, double Offset) Form() => c.Shape switch
        {
            Shape.OneMinusSqrt => (0.0, 1.0, 0.5, -drop, c.From),
            Shape.SqrtOfOneMinus => (n, -1.0, 0.5, drop, c.To),
            Shape.Polynomial => (n, -1.0, c.Exponent, drop, c.To),
            _ => (n, rate, -0.5, c.From, 0.0),
        };

        /// <summary><c>g(i − 1) − g(i)</c> as <c>scale·x_i^p·expm1(p·log1p((x_{i−1} − x_i)/x_i))</c>;
        /// the last step ends at <c>To</c> exactly, as the engine's LR does.</summary>
        double Drop(long i)
        {
            var (b0, b1, p, scale, offset) = Form();
            double x = (b0 + b1 * i) / n, xPrev = (b0 + b1 * (i - 1)) / n;
            // Far apart (next to a branch point) the plain difference loses nothing, and log1p near −1 would.
            double d = x == 0 || xPrev == 0 || xPrev < 0.5 * x || xPrev > 2 * x
                ? scale * (Math.Pow(xPrev, p) - Math.Pow(x, p))
                : scale * Math.Pow(x, p) * Expm1(p * Log1p(-b1 / n / x));
            // The last step drops from the formula's LR of the step before to To exactly.
            if (i == c.Length) d = offset + scale * Math.Pow(xPrev, p) - c.To;
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
