using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Presets;
using CptLang.Laws.Schedules;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Fitting;

/// <summary>The model-size form (Eq. 7): values are the law engine's at each run's own N, the 12
/// analytic derivatives match finite differences, and a fit across sizes predicts held-out runs.</summary>
public class SizeFitFormTests
{
    static readonly long[] Steps = [1, 150, 999, 2000, 2900, 3000, 3001, 3050, 3500, 4000, 5000];

    static EvaluationPlan Switching() => TwoStage(PlanSettings.Default,
        [Warmup(200, 0, 2e-4), Constant(1800, 2e-4), Linear(1000, 2e-4, 2e-5)],
        [Warmup(100, 0, 1e-4), Cosine(1900, 1e-4, 1e-5)]);

    static double[] RandomParameters(FitForm form, Random random, double n) => [.. form.Names.Select(name => name switch
    {
        "L0" => 1.5 + random.NextDouble(),
        "A" => 0.2 + random.NextDouble(),
        "alpha" => 0.3 + 0.5 * random.NextDouble(),
        "C1" or "C2" => 0.05 + 0.4 * random.NextDouble(),
        "B" => random.NextDouble() - 0.5,
        "E" => Math.Exp(random.NextDouble() * 8),
        "beta" => 0.05 + random.NextDouble(),
        "N" => n,
        "F" => 1 + 3 * random.NextDouble(),
        "gamma1" or "gamma2" or "gamma3" => 0.6 * random.NextDouble() - 0.3,
        _ => throw new ArgumentOutOfRangeException(name),
    })];

    static LawParameters AsLaw(FitForm form, double[] values) =>
        new(form.Form, form.Names.Select((n, i) => (n, values[i])).ToDictionary(p => p.n, p => p.Item2));

    [Theory]
    [InlineData(106.0)]
    [InlineData(1720.0)]
    public void Values_are_the_law_engines_at_the_runs_size(double size)
    {
        var plan = Switching();
        var fit = FitForm.For(LawForm.ModelSize);
        var run = FitRun.Create(new ScheduleAreas(plan), General, Steps, Steps.Select(_ => 3.0).ToArray(), size);
        var random = new Random(7);
        var gradient = new double[fit.Count];
        for (int trial = 0; trial < 20; trial++)
        {
            var p = RandomParameters(fit, random, size);
            var engine = new LossPredictor(plan, [new ParametricLaw(General, AsLaw(fit, p))]);
            for (int row = 0; row < Steps.Length; row++)
                Assert.Equal(engine.LossAt(0, Steps[row]).Value, fit.Value(p, run, row, gradient), 1e-12);
        }
    }

    [Fact]
    public void The_loss_reads_the_runs_size_not_the_parameter_N()
    {
        var fit = FitForm.For(LawForm.ModelSize);
        var run = FitRun.Create(new ScheduleAreas(Switching()), General, Steps, Steps.Select(_ => 3.0).ToArray(), 594);
        var p = RandomParameters(fit, new Random(1), 106);
        var gradient = new double[fit.Count];
        double atRunSize = fit.Value(p, run, 5, gradient);
        p[fit.Names.IndexOf("N")] = 1720;
        Assert.Equal(atRunSize, fit.Value(p, run, 5, gradient));
        Assert.Equal(0, gradient[fit.Names.IndexOf("N")]);
    }

    [Fact]
    public void Analytic_gradients_of_all_twelve_free_parameters_match_finite_differences()
    {
        var fit = FitForm.For(LawForm.ModelSize);
        Assert.Equal(13, fit.Count); // the 12 fitted parameters and N
        var random = new Random(11);
        var gradient = new double[fit.Count];
        var scratch = new double[fit.Count];
        foreach (double size in new[] { 106.0, 594, 1720 })
        {
            var run = FitRun.Create(new ScheduleAreas(Switching()), Domain, Steps, Steps.Select(_ => 3.0).ToArray(), size);
            for (int trial = 0; trial < 10; trial++)
            {
                var p = RandomParameters(fit, random, size);
                for (int row = 0; row < Steps.Length; row++)
                {
                    fit.Value(p, run, row, gradient);
                    for (int i = 0; i < fit.Count; i++)
                    {
                        if (fit.Names[i] == "N") continue;
                        double h = 1e-6 * Math.Max(1, Math.Abs(p[i]));
                        var up = (double[])p.Clone(); up[i] += h;
                        var down = (double[])p.Clone(); down[i] -= h;
                        double numeric = (fit.Value(up, run, row, scratch) - fit.Value(down, run, row, scratch)) / (2 * h);
                        Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                            $"{fit.Names[i]} at step {Steps[row]}, N = {size}: analytic {gradient[i]}, numeric {numeric}");
                    }
                }
            }
        }
    }

    static long[] Every(long step, long total) => [.. Enumerable.Range(1, (int)(total / step)).Select(i => i * step)];

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Fig. 15's D_pt law observed on <paramref name="plan"/> for a model of
    /// <paramref name="size"/> millions, every 100 steps, with seeded multiplicative noise.</summary>
    static (FitRun Run, double[] Truth) Observe(EvaluationPlan plan, double size, double noise, int seed)
    {
        var truth = PaperPresets.Get("paper.fig15.general").With(new Dictionary<string, double> { ["N"] = size });
        var steps = Every(100, plan.TotalSteps);
        var predictor = new LossPredictor(plan, [new ParametricLaw(General, truth)]);
        var clean = steps.Select(s => predictor.LossAt(0, s).Value).ToArray();
        var random = new Random(seed);
        var observed = clean.Select(l => l * (1 + noise * Gaussian(random))).ToArray();
        return (FitRun.Create(new ScheduleAreas(plan), General, steps, observed, size), clean);
    }

    static EvaluationPlan Wsd(string name) => TwoStage(PlanSettings.Default,
        [Warmup(500, 0, 2e-4), Constant(11500, 2e-4), Linear(3000, 2e-4, 0)], [Warmup(500, 0, 2e-4), Cosine(9500, 2e-4, 0)]) with { Run = name };
    static EvaluationPlan Flat(string name) => TwoStage(PlanSettings.Default,
        [Warmup(500, 0, 2e-4), Constant(9500, 2e-4)], [Constant(10000, 2e-4)]) with { Run = name };
    static EvaluationPlan CosineCpt(string name) => TwoStage(PlanSettings.Default,
        [Warmup(500, 0, 2e-4), Cosine(19500, 2e-4, 2e-5)], [Warmup(500, 0, 1e-4), Linear(9500, 1e-4, 0)]) with { Run = name };

    static double[] Predict(FitForm form, LawParameters parameters, FitRun run)
    {
        var values = parameters.Values.ToArray();
        var loss = new double[run.Count];
        form.Evaluate(values, run, loss, new double[form.Count * run.Count]);
        return loss;
    }

    [Fact]
    public void Fitted_across_three_sizes_it_predicts_a_held_out_run_and_a_held_out_size()
    {
        const double noise = 0.002;
        var fitted = new[]
        {
            Observe(Wsd("wsd-106"), 106, noise, 1), Observe(Flat("const-106"), 106, noise, 2),
            Observe(Wsd("wsd-594"), 594, noise, 3),
            Observe(Wsd("wsd-1720"), 1720, noise, 4), Observe(Flat("const-1720"), 1720, noise, 5),
        };
        var form = FitForm.For(LawForm.ModelSize);
        var fit = LawFitter.Fit(form, [.. fitted.Select(f => f.Run)]);
        Assert.Equal(12, fit.FreeParameters);
        Assert.Equal(106, fit.Parameters["N"]); // the first run's size

        // no worse than the truth on the data it was fitted to
        var truth = PaperPresets.Get("paper.fig15.general").With(new Dictionary<string, double> { ["N"] = 106 });
        var objective = new HuberObjective(form, [.. fitted.Select(f => f.Run)], Enumerable.Repeat(double.NaN, form.Count).ToList());
        Assert.True(fit.Objective <= objective.ValueAt(truth.Values.AsSpan()) + 1e-12, $"fit {fit.Objective}, truth {objective.ValueAt(truth.Values.AsSpan())}");

        // (a) another schedule of a fitted size: within the noise, as Eq. 4's fits are
        var heldOut = Observe(CosineCpt("cos-594"), 594, noise, 6);
        double sigma = noise * heldOut.Truth.Average();
        var againstTruth = FitMetrics.Of(heldOut.Truth, Predict(form, fit.Parameters, heldOut.Run));
        Assert.True(againstTruth.Rmse < sigma, $"RMSE against the clean curve {againstTruth.Rmse}, noise {sigma}");

        // (b) a size no run had (interpolated between 106M and 1720M): the size terms are
        // fitted from three levels only, so allow twice the noise rather than one noise
        var unseen = Observe(CosineCpt("cos-300"), 300, noise, 7);
        var atUnseen = FitMetrics.Of(unseen.Truth, Predict(form, fit.Parameters, unseen.Run));
        Assert.True(atUnseen.Rmse < 2 * noise * unseen.Truth.Average(), $"RMSE at 300M {atUnseen.Rmse}, noise {noise * unseen.Truth.Average()}");
    }

    [Fact]
    public void A_single_size_fits_Eq4_with_the_size_terms_held_at_zero()
    {
        var runs = new[] { Observe(Wsd("a"), 594, 0, 1).Run, Observe(Flat("b"), 594, 0, 2).Run };
        Assert.True(SizeFitForm.SingleSize(runs));
        var fit = LawFitter.Fit(FitForm.For(LawForm.ModelSize), runs);
        Assert.Equal(8, fit.FreeParameters);
        foreach (var name in new[] { "F", "gamma1", "gamma2", "gamma3" }) Assert.Equal(0, fit.Parameters[name]);
        Assert.Equal(594, fit.Parameters["N"]);
        Assert.True(fit.Objective < 1e-9, $"objective {fit.Objective}");
    }

    [Fact]
    public void A_run_without_a_size_is_refused()
    {
        var run = FitRun.Create(new ScheduleAreas(Switching()), General, Steps, Steps.Select(_ => 3.0).ToArray());
        Assert.Throws<ArgumentException>(() => LawFitter.Fit(FitForm.For(LawForm.ModelSize), [run]));
    }
}
