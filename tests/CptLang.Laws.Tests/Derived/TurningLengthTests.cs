using CptLang.Laws.Derived;
using CptLang.Laws.Tests.Support;

namespace CptLang.Laws.Tests.Derived;

/// <summary>Turning lengths of docs/laws.md §10 (Fig. 3 D_pt parameters, constant 2e-4 in both phases).</summary>
public class TurningLengthTests
{
    [Fact]
    public void Two_thousand_pretraining_steps_turn_after_509_continual_steps()
    {
        var turning = Searches.Turning(TestLaws.Fig3Predictor(Scenarios.ConstantTwoStage(2000, 10000)), 0);
        Assert.Equal(TurningOutcome.Within, turning.Outcome);
        Assert.Equal(509, turning.ContinualSteps);
        Assert.Equal(2509, turning.Step);
    }

    [Fact]
    public void Five_thousand_pretraining_steps_peak_at_1146_and_turn_after_8420()
    {
        var predictor = TestLaws.Fig3Predictor(Scenarios.ConstantTwoStage(5000, 10000));
        var turning = Searches.Turning(predictor, 0);
        Assert.Equal(TurningOutcome.Within, turning.Outcome);
        Assert.Equal(8420, turning.ContinualSteps);
        var peak = Searches.Peak(predictor, 0);
        Assert.Equal(1146, peak.ContinualSteps);
        Assert.Equal(6146, peak.Step);
        Assert.Equal(3.6146, peak.Loss, 1e-4);
    }

    [Fact]
    public void Twenty_thousand_pretraining_steps_never_turn()
    {
        var turning = Searches.Turning(TestLaws.Fig3Predictor(Scenarios.ConstantTwoStage(20000, 10000)), 0);
        Assert.Equal(TurningOutcome.Never, turning.Outcome);
        Assert.Null(turning.ContinualSteps);
        // L0 + B − C1·S2pt − C2·S2cpt with S2 = 0: 3.057 + 0.366.
        Assert.Equal(3.423, turning.LongRunLimit, 1e-12);
        Assert.True(turning.LongRunLimit > turning.SwitchLoss);
    }

    [Fact]
    public void A_run_that_stops_before_the_turn_reports_when_it_would_turn()
    {
        var turning = Searches.Turning(TestLaws.Fig3Predictor(Scenarios.ConstantTwoStage(5000, 3000)), 0);
        Assert.Equal(TurningOutcome.NotWithinRun, turning.Outcome);
        Assert.Equal(8420, turning.ContinualSteps);
        Assert.True(turning.FinalLoss > turning.SwitchLoss);
    }
}
