using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;

namespace CptLang.Laws.Tests.Fitting;

/// <summary>The Multi-Power Law's fit form: analytic derivatives against finite differences, and
/// a fit that recovers curves generated from a known law (never real logs).</summary>
public class MultiPowerFitFormTests
{
    static readonly double[] Truth = [2.65, 0.6, 0.45, 438, 2.13, 0.6, 0.655];

    static EvaluationPlan Run(params Plans.Piece[] after) => Plans.Single(new PlanSettings(0.999, WarmupArea.Peak, S2Split.Step),
        [Plans.Warmup(2160, 0, 3e-4), .. after]);

    static FitRun Observe(EvaluationPlan plan, double[] p)
    {
        var law = new ParametricLaw("loss", new LawParameters(LawForm.MultiPower,
            LawParameterNames.Of(LawForm.MultiPower).Select((n, i) => (n, p[i])).ToDictionary(x => x.n, x => x.Item2)));
        var steps = Enumerable.Range(0, 150).Select(i => 2300 + (long)i * (plan.TotalSteps - 2300) / 149).ToArray();
        var table = new LossPredictor(plan, [law]).Predict(steps);
        return FitRun.Create(new ScheduleAreas(plan), "loss", steps, table.Loss(0));
    }

    static FitRun[] Runs(double[] p) =>
    [
        Observe(Run(Plans.Cosine(21_840, 3e-4, 3e-5)), p),
        Observe(Run(Plans.Constant(21_840, 3e-4)), p),
        Observe(Run(Plans.Constant(5_840, 3e-4), new Plans.Piece(8_000, Kernel.Constant(9e-5))), p),
    ];

    [Fact]
    public void Derivatives_match_finite_differences()
    {
        var form = new MultiPowerFitForm();
        var run = Runs(Truth)[0];
        var p = new[] { 2.5, 0.7, 0.5, 300, 1.5, 0.5, 0.5 };
        var gradient = new double[7];
        foreach (int row in new[] { 3, 80, 149 })
        {
            form.Value(p, run, row, gradient);
            for (int k = 0; k < 7; k++)
            {
                double h = 1e-6 * Math.Max(1, Math.Abs(p[k]));
                var up = (double[])p.Clone(); up[k] += h;
                var down = (double[])p.Clone(); down[k] -= h;
                double numeric = (form.Value(up, run, row, new double[7]) - form.Value(down, run, row, new double[7])) / (2 * h);
                Assert.True(Math.Abs(numeric - gradient[k]) <= 1e-5 * Math.Max(1e-3, Math.Abs(numeric)), $"row {row}, parameter {k}: {gradient[k]} vs {numeric}");
            }
        }
    }

    [Fact]
    public void A_fit_recovers_curves_of_a_known_law()
    {
        var runs = Runs(Truth);
        var fit = LawFitter.Fit(new MultiPowerFitForm(), runs);
        var metrics = FitMetrics.Of(new MultiPowerFitForm(), fit.Parameters.Values.AsSpan(), runs);
        Assert.True(metrics.Mae < 2e-4, $"MAE {metrics.Mae}, {string.Join(", ", fit.Parameters.Values)}");
    }
}
