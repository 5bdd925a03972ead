using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Presets;
using CptLang.Laws.Schedules;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Fitting;

/// <summary>The multi-start search recovers known laws from curves generated with them.</summary>
public class LawFitterTests
{
    static long[] Every(long step, long total) => [.. Enumerable.Range(1, (int)(total / step)).Select(i => i * step)];

    /// <summary>Observations of <paramref name="truth"/> on <paramref name="plan"/> every
    /// <paramref name="every"/> steps, with multiplicative Gaussian noise of relative size
    /// <paramref name="noise"/> (seeded).</summary>
    static (FitRun Run, double[] Truth) Observe(EvaluationPlan plan, string law, LawParameters truth, long every, double noise, int seed)
    {
        var steps = Every(every, plan.TotalSteps);
        var predictor = new LossPredictor(plan, [new ParametricLaw(law, truth)]);
        var clean = steps.Select(s => predictor.LossAt(0, s).Value).ToArray();
        var random = new Random(seed);
        var observed = clean.Select(l => l * (1 + noise * Gaussian(random))).ToArray();
        return (FitRun.Create(new ScheduleAreas(plan), law, steps, observed), clean);
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    static double[] Predict(FitForm form, LawParameters parameters, FitRun run)
    {
        var values = parameters.Values.ToArray();
        var gradient = new double[form.Count];
        return [.. Enumerable.Range(0, run.Count).Select(row => form.Value(values, run, row, gradient))];
    }

    [Fact]
    public void Eq1_parameters_are_recovered_from_clean_curves()
    {
        var truth = new LawParameters(LawForm.Annealing, new Dictionary<string, double> { ["L0"] = 2.6, ["A"] = 0.45, ["alpha"] = 0.52, ["C"] = 0.38 });
        var cosine = Single(PlanSettings.Default, Warmup(500, 0, 2e-4), Cosine(19500, 2e-4, 0)) with { Run = "cosine" };
        var wsd = Single(PlanSettings.Default, Warmup(500, 0, 2e-4), Constant(15500, 2e-4), Linear(4000, 2e-4, 0)) with { Run = "wsd" };
        var runs = new[] { Observe(cosine, "web", truth, 250, 0, 1).Run, Observe(wsd, "web", truth, 250, 0, 2).Run };
        var fit = LawFitter.Fit(FitForm.For(LawForm.Annealing), runs);
        Assert.Equal(54, fit.Starts);
        Assert.True(fit.Objective < 1e-12, $"objective {fit.Objective}");
        foreach (var name in truth.Names) Assert.Equal(truth[name], fit.Parameters[name], 1e-3);
        Assert.Empty(fit.OnBound);
        Assert.Empty(fit.Unobserved);
    }

    [Fact]
    public void Eq4_fitted_on_three_noisy_runs_predicts_a_held_out_run_within_the_noise()
    {
        var truth = PaperPresets.Get("paper.fig3.general").ToParameters();
        const double noise = 0.002;
        EvaluationPlan Run(string name, Piece[] pt, Piece[] cpt) => TwoStage(PlanSettings.Default, pt, cpt) with { Run = name };
        var fitted = new[]
        {
            Run("a", [Warmup(500, 0, 2e-4), Constant(15500, 2e-4), Linear(4000, 2e-4, 0)], [Warmup(500, 0, 2e-4), Cosine(9500, 2e-4, 0)]),
            Run("b", [Warmup(500, 0, 2e-4), Constant(9500, 2e-4)], [Constant(10000, 2e-4)]),
            Run("c", [Warmup(500, 0, 2e-4), Cosine(29500, 2e-4, 2e-5)], [Warmup(500, 0, 1e-4), Linear(9500, 1e-4, 0)]),
        }.Select((plan, i) => Observe(plan, General, truth, 200, noise, 10 + i).Run).ToList();
        var heldOut = Observe(Run("d", [Warmup(500, 0, 2e-4), Constant(19500, 2e-4)], [Constant(5000, 1e-4), Linear(5000, 1e-4, 0)]),
            General, truth, 200, noise, 20);

        var form = FitForm.For(LawForm.Cpt);
        var fit = LawFitter.Fit(form, fitted);

        // the held-out curve is predicted to within the noise: its error against the clean curve
        // is below one noise standard deviation, its error against the noisy log about one
        var predicted = Predict(form, fit.Parameters, heldOut.Run);
        double sigma = noise * heldOut.Truth.Average();
        var againstTruth = FitMetrics.Of(heldOut.Truth, predicted);
        var againstLog = FitMetrics.Of(heldOut.Run.Losses, predicted);
        Assert.True(againstTruth.Rmse < sigma, $"RMSE against the clean curve {againstTruth.Rmse}, noise {sigma}");
        Assert.InRange(againstLog.Rmse, 0.7 * sigma, 1.3 * sigma);
    }

    // a2 < 0 with B of the other sign: replay cuts the shift more than in proportion (a general
    // loss that rises far less with a quarter of replay, as on the tiny-cpt curves); a2 = 0 makes
    // the shift vanish, so a search started on the other side of it never gets there
    [Theory]
    [InlineData(General, 0.3, 1.5)]
    [InlineData(Domain, -0.4, 1.5)]
    [InlineData(General, -0.006, -4)]
    [InlineData(Domain, 0.4, -4)]
    public void Replay_law_fits_clean_curves_of_runs_with_and_without_replay(string law, double b, double a2)
    {
        var truth = new LawParameters(LawForm.Replay, new Dictionary<string, double>
        {
            ["L0"] = 3.0, ["A"] = 0.48, ["alpha"] = 0.51, ["C1"] = 0.28, ["C2"] = 0.26, ["B"] = b, ["E"] = 100, ["beta"] = 0.3,
            ["a1"] = 0.5, ["a2"] = a2,
        });
        EvaluationPlan Run(string name, double replay) => TwoStage(PlanSettings.Default,
            [Warmup(500, 0, 2e-4), Constant(9500, 2e-4)], [Warmup(500, 0, 1e-4), Cosine(9500, 1e-4, 0)], replay) with { Run = name };
        var runs = new[] { Run("none", 0), Run("quarter", 0.25), Run("half", 0.5) }.Select((p, i) => Observe(p, law, truth, 500, 0, i).Run).ToList();
        var form = FitForm.For(LawForm.Replay);
        var fit = LawFitter.Fit(form, runs);
        foreach (var run in runs)
            Assert.True(FitMetrics.Of(form, fit.Parameters.Values.AsSpan(), [run]).Worst < 0.05, $"run {run.Name}: worst error over 0.05 %");
    }

    [Theory]
    [InlineData(General, new[] { 0.0 }, new[] { "a2" })]
    [InlineData(Domain, new[] { 0.0 }, new[] { "a1", "a2" })]
    [InlineData(General, new[] { 0.25, 0.25 }, new[] { "a1", "a2" })]
    [InlineData(Domain, new[] { 0.0, 0.25 }, new string[0])]
    public void Replay_parameters_are_confounded_when_the_runs_share_one_ratio(string law, double[] ratios, string[] confounded)
    {
        var truth = new LawParameters(LawForm.Replay, new Dictionary<string, double>
        {
            ["L0"] = 3.0, ["A"] = 0.48, ["alpha"] = 0.51, ["C1"] = 0.28, ["C2"] = 0.26, ["B"] = 0.3, ["E"] = 100, ["beta"] = 0.3,
            ["a1"] = 0.5, ["a2"] = 1.5,
        });
        var runs = ratios.Select((r, i) => Observe(TwoStage(PlanSettings.Default, [Warmup(500, 0, 2e-4), Constant(9500, 2e-4)],
            [Warmup(500, 0, 1e-4), Cosine(9500 - 1000 * i, 1e-4, 0)], r) with { Run = $"r{i}" }, law, truth, 500, 0, i).Run).ToList();
        var form = FitForm.For(LawForm.Replay);
        var free = Enumerable.Repeat(double.NaN, form.Count).ToArray();
        var values = truth.Values.ToArray();
        var unobserved = FitDiagnostics.Unobserved(form, runs, values, free);
        var found = FitDiagnostics.Confounded(form, runs, free, unobserved).Select(c => c.Parameter).ToArray();
        Assert.Equal(confounded.Except(unobserved), found);
        Assert.Equal(found.Length == 0 && unobserved.IsEmpty, FitDiagnostics.Determines(form, runs, values, free));

        // a parameter held at a value is not confounded: the fit does not choose it
        var fixedA2 = free.ToArray();
        fixedA2[form.Names.IndexOf("a2")] = 1.5;
        Assert.DoesNotContain("a2", FitDiagnostics.Confounded(form, runs, fixedA2, unobserved).Select(c => c.Parameter));
    }

    [Fact]
    public void Open_model_law_fits_a_clean_curve_after_unknown_pretraining()
    {
        var truth = new LawParameters(LawForm.OpenModel, new Dictionary<string, double>
        { ["L0"] = 2.5, ["A"] = 0.5, ["alpha"] = 0.5, ["C2"] = 0.3, ["B"] = -0.4, ["E"] = 200, ["beta"] = 0.3, ["S1pt"] = 5 });
        var plans = new[]
        {
            OpenModel(PlanSettings.Default, Warmup(500, 0, 1e-4), Cosine(9500, 1e-4, 0)) with { Run = "cosine" },
            OpenModel(PlanSettings.Default, Warmup(500, 0, 1e-4), Constant(9500, 1e-4)) with { Run = "constant" },
        };
        var runs = plans.Select((p, i) => Observe(p, Domain, truth, 250, 0, i).Run).ToList();
        var form = FitForm.For(LawForm.OpenModel);
        var fit = LawFitter.Fit(form, runs);
        Assert.Equal(256, fit.Starts);
        Assert.True(FitMetrics.Of(form, fit.Parameters.Values.AsSpan(), runs).Worst < 0.05, "worst error over 0.05 %");
    }

    [Fact]
    public void Fixed_parameters_keep_their_values_and_reduce_the_search()
    {
        var truth = new LawParameters(LawForm.Annealing, new Dictionary<string, double> { ["L0"] = 2.6, ["A"] = 0.45, ["alpha"] = 0.52, ["C"] = 0.38 });
        var plan = Single(PlanSettings.Default, Warmup(500, 0, 2e-4), Cosine(19500, 2e-4, 0));
        var fit = LawFitter.Fit(FitForm.For(LawForm.Annealing), [Observe(plan, "web", truth, 500, 0, 1).Run],
            new Dictionary<string, double> { ["alpha"] = 0.5 });
        Assert.Equal(0.5, fit.Parameters["alpha"]);
        Assert.Equal(3, fit.FreeParameters);
        Assert.Equal(18, fit.Starts); // LRA's grid without its three alphas
    }

    [Fact]
    public void Parameters_no_observation_depends_on_are_reported()
    {
        // Eq. 4 fitted to runs that never switch: C2, B, E and beta are not seen by the data
        var truth = new LawParameters(LawForm.Annealing, new Dictionary<string, double> { ["L0"] = 2.6, ["A"] = 0.45, ["alpha"] = 0.52, ["C"] = 0.38 });
        var plan = Single(PlanSettings.Default, Warmup(500, 0, 2e-4), Cosine(9500, 2e-4, 0));
        var fit = LawFitter.Fit(FitForm.For(LawForm.Cpt), [Observe(plan, "web", truth, 500, 0, 1).Run]);
        Assert.Equal(["C2", "B", "E", "beta"], fit.Unobserved.AsEnumerable());
    }

    [Fact]
    public void A_parameter_pushed_against_its_bound_is_reported()
    {
        // a curve that rises with the forward area wants A < 0 or alpha < 0; the bounds stop both at 0
        var plan = Single(PlanSettings.Default, Constant(10000, 2e-4));
        var steps = Every(500, 10000);
        var areas = new ScheduleAreas(plan);
        var rising = steps.Select(s => 3 + 0.1 * Math.Log(s)).ToArray();
        var fit = LawFitter.Fit(FitForm.For(LawForm.Annealing), [FitRun.Create(areas, "web", steps, rising)]);
        Assert.True(fit.OnBound.Contains("A") || fit.OnBound.Contains("alpha"), $"on a bound: {string.Join(", ", fit.OnBound)}");
        // and sits exactly on it, not a rounding error short of it (a file would show "A = 2.7e-48")
        var form = FitForm.For(LawForm.Annealing);
        foreach (var name in fit.OnBound)
        {
            var bound = form.Bounds[form.Names.IndexOf(name)];
            Assert.Contains(fit.Parameters[name], new[] { bound.Lower, bound.Upper });
        }
    }

    [Theory]
    [InlineData(0, 10, 2.7e-48, 0)]
    [InlineData(0, 10, 1e-9, 1e-9)]
    [InlineData(-50, 50, 50 - 1e-12, 50)]
    [InlineData(0, 10, -1, -1)]
    public void A_value_within_rounding_of_a_bound_snaps_to_it(double lower, double upper, double value, double expected) =>
        Assert.Equal(expected, new FitBound(lower, upper).Snap(value));

    [Theory]
    [InlineData(-50.0)]
    [InlineData(-3e-7)]
    [InlineData(0.0)]
    [InlineData(2e-13)]
    [InlineData(0.366)]
    public void The_signed_log_scale_is_a_logarithm_of_either_sign_and_its_own_inverse(double value)
    {
        var bound = FitForm.For(LawForm.Replay).Bounds[FitForm.For(LawForm.Replay).Names.IndexOf("B")];
        double x = bound.ToSearch(value);
        Assert.Equal(value, bound.FromSearch(x), Math.Max(1e-12 * Math.Abs(value), 1e-25));
        // the chain rule's factor is the derivative of the value along the search coordinate
        double h = 1e-6, numeric = (bound.FromSearch(x + h) - bound.FromSearch(x - h)) / (2 * h);
        Assert.Equal(numeric, bound.ValuePerSearchUnit(value), Math.Max(1e-6 * numeric, 1e-20));
        // above the scale a step of the coordinate is a relative step of the value
        if (Math.Abs(value) > 1e-9) Assert.Equal(value * Math.Exp(0.1), bound.FromSearch(x + Math.Sign(value) * 0.1), 1e-9 * Math.Abs(value) + 1e-12 * Math.Abs(value));
    }
}
