using CptLang.Laws.Areas;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using CsCheck;

namespace CptLang.Laws.Tests.Laws;

/// <summary>The Multi-Power Law's loss drop (docs/laws.md §4) against the plain per-step sum, to
/// 1e-9 of its natural scale <c>Σ|Δ_k|·G</c> (drops and rises may cancel).</summary>
public class MultiPowerDropsTests
{
    const double Tolerance = 1e-9;

    /// <summary><c>Σ_{k≤t} (η_{k−1} − η_k)·G(η_k^(−γ)·S_k(t))</c> step by step, its scale, and its
    /// own noise: each drop is a difference of two rounded LRs (off by up to 2 ulp of the LR), so
    /// where drops are tiny against the LR (the start of a square decay) the per-step sum is no
    /// more exact than six standard deviations of those roundings.</summary>
    static (double Sum, double Scale, double Noise) Reference(EvaluationPlan plan, long t, double c, double beta, double gamma)
    {
        var eta = new double[t + 1];
        for (long k = 1; k <= t; k++) eta[k] = ReferenceAreas.EffectiveLearningRate(plan, k);
        eta[0] = eta[1];
        double sum = 0, scale = 0, d = 0, variance = 0;
        for (long k = t; k >= 1; k--)
        {
            d += eta[k];
            double g = MultiPowerNodes.G(Math.Log(eta[k]), d, c, beta, gamma);
            double drop = eta[k - 1] - eta[k];
            sum += drop * g;
            scale += Math.Abs(drop) * g;
            double ulp = 2.3e-16 * Math.Max(eta[k - 1], eta[k]) * g;
            variance += ulp * ulp;
        }
        return (sum, scale, 6 * Math.Sqrt(variance));
    }

    static void AssertClose(EvaluationPlan plan, long t, double c, double beta, double gamma, string what, bool coarse = false)
    {
        var drops = new MultiPowerDrops(new ScheduleAreas(plan), coarse);
        double actual = drops.Sum(t, c, beta, gamma);
        var (expected, scale, noise) = Reference(plan, t, c, beta, gamma);
        double error = Math.Abs(actual - expected);
        Assert.True(error <= (coarse ? 1e-4 : Tolerance) * scale + noise + 1e-300,
            $"{what}: step {t}, C={c:R} beta={beta:R} gamma={gamma:R}: {actual:R} vs {expected:R} (error {error / Math.Max(scale, 1e-300):E2} of the scale)");
    }

    static readonly Gen<(double C, double Beta, double Gamma)> Parameters =
        Gen.Select(Gen.Double[Math.Log(0.05), Math.Log(20)], Gen.Double[0.05, 1.5], Gen.Double[0, 1.2],
            (logC, beta, gamma) => (Math.Exp(logC), beta, gamma));

    [Fact]
    public void Matches_the_per_step_sum_on_random_schedules()
    {
        Gen.Select(RandomPlans.Short, Parameters, Gen.Double[0, 1].Array[4]).Sample((spec, p, where) =>
        {
            var plan = spec.ToPlan();
            foreach (double w in where)
                AssertClose(plan, Math.Max(1, (long)Math.Ceiling(w * plan.TotalSteps)), p.C, p.Beta, p.Gamma, spec.ToString());
            AssertClose(plan, plan.TotalSteps, p.C, p.Beta, p.Gamma, spec.ToString());
        }, iter: PropertyRuns.Iterations(300));
    }

    [Theory]
    [InlineData(Shape.Linear, 0.0)]
    [InlineData(Shape.Cosine, 3e-5)]
    [InlineData(Shape.Exponential, 3e-5)]
    [InlineData(Shape.Square, 0.0)]
    [InlineData(Shape.OneMinusSqrt, 1e-6)]
    [InlineData(Shape.Polynomial, 0.0)]
    [InlineData(Shape.InverseSqrt, 1e-5)]
    public void Matches_the_per_step_sum_on_long_decays(Shape shape, double end)
    {
        var settings = new PlanSettings(0.999, WarmupArea.Peak, S2Split.Step);
        var plan = Plans.Single(settings, Plans.Warmup(2000, 0, 3e-4), Plans.Constant(50_000, 3e-4),
            new Plans.Piece(1_500_000, new Kernel(shape, 3e-4, end, shape == Shape.Polynomial ? 2.5 : 0)), Plans.Constant(100_000, 2e-5));
        foreach (var (c, beta, gamma) in new[] { (2.1, 0.6, 0.65), (0.3, 1.2, 0.2), (15.0, 0.1, 1.0) })
            foreach (long t in new long[] { 52_500, 52_700, 400_001, 1_552_000, plan.TotalSteps })
            {
                AssertClose(plan, t, c, beta, gamma, shape.ToString());
                // the fitter's coarse nodes: far below the noise of a loss log
                AssertClose(plan, t, c, beta, gamma, shape.ToString(), coarse: true);
            }
    }

    [Fact]
    public void A_billion_step_run_is_evaluated_at_a_thousand_points()
    {
        var settings = new PlanSettings(0.999, WarmupArea.Peak, S2Split.Step);
        var plan = Plans.Single(settings, Plans.Warmup(2000, 0, 3e-4), Plans.Constant(100_000_000, 3e-4),
            Plans.Cosine(800_000_000, 3e-4, 3e-5), Plans.Linear(100_000_000, 3e-5, 0));
        var law = new ParametricLaw("loss", new LawParameters(LawForm.MultiPower, new Dictionary<string, double>
        {
            ["L0"] = 2.65, ["A"] = 0.6, ["alpha"] = 0.45, ["B"] = 438, ["C"] = 2.13, ["beta"] = 0.6, ["gamma"] = 0.655,
        }));
        var predictor = new LossPredictor(plan, [law]);
        var steps = Enumerable.Range(1, 1000).Select(i => (long)i * (plan.TotalSteps / 1000)).ToArray();
        // its speed is measured by bench/CptLang.Benchmarks/MultiPowerBenchmarks.cs, not here
        var table = predictor.Predict(steps);
        Assert.Empty(table.Problems);
        Assert.All(Enumerable.Range(0, table.Count), i => Assert.True(double.IsFinite(table.Loss(0)[i]) && table.Loss(0)[i] > 0));
    }
}
