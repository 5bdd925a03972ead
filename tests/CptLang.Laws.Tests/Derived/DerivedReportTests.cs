using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Derived;

public class DerivedReportTests
{
    [Fact]
    public void T1_report_has_every_quantity()
    {
        var report = DerivedQuantities.Compute(TestLaws.Fig3Predictor(Scenarios.T1(S2Split.Step)));
        Assert.Empty(report.Problems);
        Assert.Empty(report.Notes);
        Assert.Equal(2, report.Laws.Length);
        Assert.Equal(3.19069, report.Laws[0].AtSwitch!.Value.Value, 1e-4);
        Assert.Equal(3.08641, report.Laws[1].AtSwitch!.Value.Value, 1e-4);
        Assert.Equal(3.25686, report.Laws[0].AtEnd.Value, 1e-4);
        Assert.Equal(2.66784, report.Laws[1].AtEnd.Value, 1e-4);
        Assert.Equal(0, report.LossPotential!.Value);
        Assert.NotNull(report.Peak);
        Assert.True(report.Peak!.Loss > report.Peak.SwitchLoss);
        Assert.NotNull(report.Turning);
        Assert.Equal(Plans.General, report.Turning!.Law);
    }

    [Fact]
    public void Without_a_switch_the_report_says_why_peak_and_turning_are_missing()
    {
        var report = DerivedQuantities.Compute(TestLaws.Fig3Predictor(Single(PlanSettings.Default, Constant(1000, 2e-4))));
        Assert.Null(report.Peak);
        Assert.Null(report.Turning);
        Assert.Null(report.Laws[0].AtSwitch);
        Assert.Contains(report.Notes, n => n.Contains("no domain switch"));
        Assert.Equal(1, report.LossPotential!.Value);
    }

    [Fact]
    public void Without_a_general_law_the_report_says_so()
    {
        var predictor = new LossPredictor(Scenarios.ConstantTwoStage(2000, 1000), [TestLaws.Fig3[1]]);
        var report = DerivedQuantities.Compute(predictor);
        Assert.Null(report.Turning);
        Assert.Contains(report.Notes, n => n.Contains("pre-training domain"));
    }

    [Fact]
    public void An_open_model_run_turns_from_the_loss_at_step_zero()
    {
        var law = new ParametricLaw(General, new LawParameters(LawForm.OpenModel, new Dictionary<string, double>
        {
            ["L0"] = 3.057, ["A"] = 0.49, ["alpha"] = 0.497, ["C2"] = 0.298, ["B"] = 0.366, ["E"] = 28, ["beta"] = 0.189, ["S1pt"] = 1.0,
        }));
        var plan = OpenModel(PlanSettings.Default, Constant(10000, 2e-4));
        var report = DerivedQuantities.Compute(new LossPredictor(plan, [law]));
        // With S1pt = 1 this is the PT-5000 run of docs/laws.md §10 seen from the switch.
        Assert.Equal(TurningOutcome.Within, report.Turning!.Outcome);
        Assert.Equal(8420, report.Turning.ContinualSteps);
        Assert.Equal(0, report.Turning.SwitchStep);
        Assert.Null(report.LossPotential);
    }
}
