using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;

namespace CptLang.Laws.Tests.Fitting;

/// <summary>
/// The bootstrap's refit from a nearby point (<see cref="LawFitter.RefineNear"/>): on logs with
/// seeded noise, Levenberg–Marquardt from the generating parameters reaches the minimum that a
/// full-precision L-BFGS-B search reaches, for Eq. 1 and for the Multi-Power Law with its prior;
/// a parameter no row depends on stays where it is, as it does under L-BFGS-B; where it stalls
/// (logs whose rows are mostly beyond the Huber threshold) or the law gives no positive loss at
/// the start, it gives up and the L-BFGS-B search answers instead.
/// </summary>
public class GaussNewtonRefitTests
{
    static readonly PlanSettings Settings = new();

    static FitRun Noisy(EvaluationPlan plan, LawForm form, double[] truth, Random random, double sigma = 0.002)
    {
        var law = new ParametricLaw("web", new LawParameters(form,
            LawParameterNames.Of(form).Select((n, i) => (n, truth[i])).ToDictionary(x => x.n, x => x.Item2)));
        var steps = Enumerable.Range(0, 120).Select(i => 2_300 + (long)i * (plan.TotalSteps - 2_300) / 119).ToArray();
        var clean = new LossPredictor(plan, [law]).Predict(steps).Loss(0);
        var losses = clean.ToArray().Select(l => l * Math.Exp(sigma * (2 * random.NextDouble() - 1))).ToArray();
        return FitRun.Create(new ScheduleAreas(plan), "web", steps, losses);
    }

    static FitRun[] Runs(LawForm form, double[] truth, int seed)
    {
        var random = new Random(seed);
        return
        [
            Noisy(Plans.Single(Settings, Plans.Warmup(2_160, 0, 3e-4), Plans.Cosine(21_840, 3e-4, 3e-5)), form, truth, random),
            Noisy(Plans.Single(Settings, Plans.Warmup(2_160, 0, 3e-4), Plans.Constant(21_840, 3e-4)), form, truth, random),
            Noisy(Plans.Single(Settings, Plans.Warmup(2_160, 0, 3e-4), Plans.Constant(5_840, 3e-4), Plans.Constant(8_000, 9e-5)), form, truth, random),
        ];
    }

    static double[] Free(int count) => [.. Enumerable.Repeat(double.NaN, count)];

    /// <summary>Both searches end at the same minimum: the same objective to 1e-9 and the same
    /// parameters to 1e-4 of their value (in the search's coordinates).</summary>
    static void SameMinimum(FitForm form, FitRun[] runs, double[] start, double strength)
    {
        var near = LawFitter.RefineNear(form, runs, start, Free(form.Count), strength);
        var reference = LawFitter.Refine(form, runs, start, Free(form.Count), strength, maxIterations: 2000);
        var objective = new HuberObjective(form, runs, Free(form.Count)) { PriorStrength = strength };
        double a = objective.ValueAt(near), b = objective.ValueAt(reference);
        Assert.True(a <= b * (1 + 1e-9), $"objective {a} against L-BFGS-B's {b}");
        for (int k = 0; k < form.Count; k++)
        {
            double x = form.Bounds[k].ToSearch(near[k]), y = form.Bounds[k].ToSearch(reference[k]);
            Assert.True(Math.Abs(x - y) <= 1e-4 * Math.Max(1, Math.Abs(y)), $"{form.Names[k]}: {near[k]} against L-BFGS-B's {reference[k]}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Eq1_reaches_the_minimum_LBFGSB_reaches(int seed)
    {
        double[] truth = [2.9, 0.59, 0.76, 0.47];
        var form = FitForm.For(LawForm.Annealing);
        var runs = Runs(LawForm.Annealing, truth, seed);
        Assert.NotNull(GaussNewtonRefit.Minimise(form, runs, truth, Free(4), 0));
        SameMinimum(form, runs, truth, 0);
    }

    [Theory]
    [InlineData(1, 1e-4)]
    [InlineData(2, 1e-3)]
    public void The_multi_power_law_with_its_prior_reaches_the_minimum_LBFGSB_reaches(int seed, double strength)
    {
        double[] truth = [2.65, 0.6, 0.45, 438, 2.13, 0.6, 0.655];
        var form = FitForm.For(LawForm.MultiPower);
        var runs = Runs(LawForm.MultiPower, truth, seed);
        Assert.NotNull(GaussNewtonRefit.Minimise(form, runs, truth, Free(7), strength));
        SameMinimum(form, runs, truth, strength);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void Logs_mostly_beyond_the_Huber_threshold_reach_the_minimum_too(int seed)
    {
        // 20 % noise: nearly every row is in the Huber loss's linear part, where the Gauss–Newton
        // curvature is zero, so Levenberg–Marquardt stalls and L-BFGS-B searches from the start
        double[] truth = [2.9, 0.59, 0.76, 0.47];
        var form = FitForm.For(LawForm.Annealing);
        var random = new Random(seed);
        FitRun[] runs =
        [
            Noisy(Plans.Single(Settings, Plans.Warmup(2_160, 0, 3e-4), Plans.Cosine(21_840, 3e-4, 3e-5)), LawForm.Annealing, truth, random, sigma: 0.2),
            Noisy(Plans.Single(Settings, Plans.Warmup(2_160, 0, 3e-4), Plans.Constant(21_840, 3e-4)), LawForm.Annealing, truth, random, sigma: 0.2),
        ];
        Assert.Null(GaussNewtonRefit.Minimise(form, runs, truth, Free(4), 0));
        SameMinimum(form, runs, truth, 0);
    }

    [Fact]
    public void A_parameter_no_row_depends_on_keeps_its_value()
    {
        // Eq. 1 on a constant run alone: C multiplies an annealing area that is 0 at every row
        double[] truth = [2.9, 0.59, 0.76, 0.47];
        var form = FitForm.For(LawForm.Annealing);
        var constant = Runs(LawForm.Annealing, truth, 4)[1..2];
        var refit = Assert.IsType<double[]>(GaussNewtonRefit.Minimise(form, constant, truth, Free(4), 0));
        Assert.Equal(0.47, refit[3]);
        Assert.Equal(0.47, LawFitter.Refine(form, constant, truth, Free(4))[3]);
    }

    [Fact]
    public void A_start_where_the_law_predicts_no_positive_loss_falls_back_to_LBFGSB()
    {
        double[] truth = [2.9, 0.59, 0.76, 0.47], start = [0, 0.59, 0.76, 50];
        var form = FitForm.For(LawForm.Annealing);
        var runs = Runs(LawForm.Annealing, truth, 6);
        Assert.Null(GaussNewtonRefit.Minimise(form, runs, start, Free(4), 0));
        Assert.Equal(LawFitter.Refine(form, runs, start, Free(4)), LawFitter.RefineNear(form, runs, start, Free(4)));
    }

    [Fact]
    public void Fixed_parameters_keep_their_values()
    {
        double[] truth = [2.9, 0.59, 0.76, 0.47];
        var form = FitForm.For(LawForm.Annealing);
        var runs = Runs(LawForm.Annealing, truth, 5);
        double[] fixedValues = [double.NaN, double.NaN, 0.7, double.NaN];
        var refit = LawFitter.RefineNear(form, runs, truth, fixedValues);
        Assert.Equal(0.7, refit[2]);
        Assert.NotEqual(truth[0], refit[0]);
    }
}
