using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Fitting;

/// <summary>The fitter's view of each law form: its values are the law engine's, its areas the
/// per-step recurrence's, and its analytic gradients match finite differences.</summary>
public class FitFormTests
{
    static EvaluationPlan Switching(double replay = 0) => TwoStage(PlanSettings.Default,
        [Warmup(200, 0, 2e-4), Constant(1800, 2e-4), Linear(1000, 2e-4, 2e-5)],
        [Warmup(100, 0, 1e-4), Cosine(1900, 1e-4, 1e-5)], replay);

    static readonly long[] Steps = [1, 150, 999, 2000, 2900, 3000, 3001, 3050, 3500, 4000, 5000];

    public static TheoryData<LawForm, string, double> Cases() => new()
    {
        { LawForm.Annealing, General, 0 },
        { LawForm.Cpt, General, 0 },
        { LawForm.Cpt, Domain, 0 },
        { LawForm.Replay, General, 0.3 },
        { LawForm.Replay, Domain, 0.3 },
        { LawForm.OpenModel, Domain, 0 },
    };

    static EvaluationPlan PlanFor(LawForm form, double replay) => form == LawForm.OpenModel
        ? OpenModel(PlanSettings.Default, Warmup(100, 0, 1e-4), Cosine(4900, 1e-4, 1e-5))
        : Switching(replay);

    /// <summary>Parameters well inside the bounds, different for every seed.</summary>
    static double[] RandomParameters(FitForm form, Random random) => [.. form.Names.Select(n => n switch
    {
        "L0" => 2 + random.NextDouble(),
        "A" => 0.2 + random.NextDouble(),
        "alpha" => 0.3 + 0.5 * random.NextDouble(),
        "C" or "C1" or "C2" => 0.1 + 0.4 * random.NextDouble(),
        "B" => random.NextDouble() - 0.5,
        "E" => Math.Exp(random.NextDouble() * 8),
        "beta" => 0.05 + random.NextDouble(),
        "a1" or "a2" => 2 * random.NextDouble() - 1,
        "S1pt" => 1 + 5 * random.NextDouble(),
        _ => throw new ArgumentOutOfRangeException(n),
    })];

    static LawParameters AsLaw(FitForm form, double[] values) =>
        new(form.Form, form.Names.Select((n, i) => (n, values[i])).ToDictionary(p => p.n, p => p.Item2));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_are_the_law_engines(LawForm form, string law, double replay)
    {
        var plan = PlanFor(form, replay);
        var fit = FitForm.For(form);
        var run = FitRun.Create(new ScheduleAreas(plan), law, Steps, Steps.Select(_ => 3.0).ToArray());
        var predictor = (Func<double[], LossPredictor>)(p => new LossPredictor(plan, [new ParametricLaw(law, AsLaw(fit, p))]));
        var random = new Random(7);
        var gradient = new double[fit.Count];
        for (int trial = 0; trial < 20; trial++)
        {
            var p = RandomParameters(fit, random);
            var engine = predictor(p);
            for (int row = 0; row < Steps.Length; row++)
                Assert.Equal(engine.LossAt(0, Steps[row]).Value, fit.Value(p, run, row, gradient), 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Observed_areas_are_the_per_step_recurrence(LawForm form, string law, double replay)
    {
        var plan = PlanFor(form, replay);
        var reference = ReferenceAreas.Walk(plan);
        var run = FitRun.Create(new ScheduleAreas(plan), law, Steps, Steps.Select(_ => 3.0).ToArray());
        for (int row = 0; row < Steps.Length; row++)
        {
            var expected = reference.At(Steps[row]);
            var actual = run.Areas[row];
            Assert.Equal(expected.S1pt, actual.S1pt, 1e-12);
            Assert.Equal(expected.S1cpt, actual.S1cpt, 1e-12);
            Assert.Equal(expected.S2pt, actual.S2pt, 1e-10);
            Assert.Equal(expected.S2cpt, actual.S2cpt, 1e-10);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analytic_gradients_match_finite_differences(LawForm form, string law, double replay)
    {
        var plan = PlanFor(form, replay);
        var fit = FitForm.For(form);
        var run = FitRun.Create(new ScheduleAreas(plan), law, Steps, Steps.Select(_ => 3.0).ToArray());
        var random = new Random(11);
        var gradient = new double[fit.Count];
        var scratch = new double[fit.Count];
        for (int trial = 0; trial < 20; trial++)
        {
            var p = RandomParameters(fit, random);
            for (int row = 0; row < Steps.Length; row++)
            {
                fit.Value(p, run, row, gradient);
                for (int i = 0; i < fit.Count; i++)
                {
                    double h = 1e-6 * Math.Max(1, Math.Abs(p[i]));
                    var up = (double[])p.Clone(); up[i] += h;
                    var down = (double[])p.Clone(); down[i] -= h;
                    double numeric = (fit.Value(up, run, row, scratch) - fit.Value(down, run, row, scratch)) / (2 * h);
                    Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                        $"{fit.Names[i]} at step {Steps[row]}: analytic {gradient[i]}, numeric {numeric}");
                }
            }
        }
    }

    [Fact]
    public void Objective_gradient_in_search_coordinates_matches_finite_differences()
    {
        var plan = Switching();
        var fit = FitForm.For(LawForm.Cpt);
        var truth = RandomParameters(fit, new Random(3));
        var gradient = new double[fit.Count];
        var observed = Enumerable.Range(0, Steps.Length).Select(_ => 0.0).ToArray();
        var run0 = FitRun.Create(new ScheduleAreas(plan), General, Steps, Steps.Select(_ => 1.0).ToArray());
        // observations off the curve by up to ±0.5 %, so that both branches of Huber are used
        var noise = new Random(5);
        for (int row = 0; row < Steps.Length; row++) observed[row] = fit.Value(truth, run0, row, gradient) * (1 + 0.005 * (2 * noise.NextDouble() - 1));
        var run = FitRun.Create(new ScheduleAreas(plan), General, Steps, observed);
        var objective = new HuberObjective(fit, [run], Enumerable.Repeat(double.NaN, fit.Count).ToList());
        var x = objective.Search(RandomParameters(fit, new Random(9)));
        var analytic = new double[x.Length];
        var scratch = new double[x.Length];
        objective.Evaluate(x, analytic);
        for (int k = 0; k < x.Length; k++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[k]));
            var up = (double[])x.Clone(); up[k] += h;
            var down = (double[])x.Clone(); down[k] -= h;
            double numeric = (objective.Evaluate(up, scratch) - objective.Evaluate(down, scratch)) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[k]) <= 1e-5 * Math.Max(1e-3, Math.Abs(numeric)),
                $"{fit.Names[k]}: analytic {analytic[k]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Huber_is_quadratic_below_delta_and_linear_above()
    {
        var plan = Single(PlanSettings.Default, Constant(100, 2e-4));
        var fit = FitForm.For(LawForm.Annealing);
        double[] p = [3, 0, 0, 0]; // L = 3 everywhere
        double small = 3 * Math.Exp(5e-4), large = 3 * Math.Exp(-0.1);
        var run = FitRun.Create(new ScheduleAreas(plan), "x", [10, 20], [small, large]);
        var objective = new HuberObjective(fit, [run], Enumerable.Repeat(double.NaN, fit.Count).ToList());
        double expected = 0.5 * 5e-4 * 5e-4 + (1e-3 * 0.1 - 0.5e-6);
        Assert.Equal(expected, objective.ValueAt(p), 1e-15);
    }
}
