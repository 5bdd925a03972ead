using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Laws;

/// <summary>NaN and infinity never reach a caller: an undefined law is a reported problem.</summary>
public class UndefinedLossTests
{
    // A warmup from 0 counted with its real LRs: S1 = 0 at step 1, so A·S1^(−α) is infinite there.
    static LossPredictor Predictor() => TestLaws.Fig3Predictor(TwoStage(
        new PlanSettings(WarmupArea: WarmupArea.Actual),
        [new Piece(100, new Kernel(Shape.Linear, 0, 2e-4), PhaseKind.Warmup), Constant(900, 2e-4)],
        [Constant(1000, 2e-4)]));

    [Fact]
    public void A_single_step_reports_the_law_and_the_step()
    {
        var result = Predictor().LossAt(0, 1);
        Assert.True(result.IsDefined); // k = 1 of a 100-step warmup from 0 is 2e-6, not 0
        var zeroStart = TestLaws.Fig3Predictor(Single(new PlanSettings(WarmupArea: WarmupArea.Actual), Constant(5, 0), Constant(5, 2e-4)));
        var undefined = zeroStart.LossAt(0, 3);
        Assert.False(undefined.IsDefined);
        Assert.Equal(LawProblemKind.Undefined, undefined.Problem!.Kind);
        Assert.Equal(3, undefined.Problem.Step);
        Assert.Equal(Plans.General, undefined.Problem.Law);
        Assert.Contains("S1", undefined.Problem.Message);
        Assert.False(undefined.TryGetValue(out _));
        var thrown = Assert.Throws<InvalidOperationException>(() => undefined.Value);
        Assert.Equal(undefined.Problem.ToString(), thrown.Message);
    }

    [Fact]
    public void Tables_drop_the_column_and_report_the_first_undefined_step_and_the_count()
    {
        var predictor = TestLaws.Fig3Predictor(Single(new PlanSettings(WarmupArea: WarmupArea.Actual), Constant(5, 0), Constant(100_000, 2e-4)));
        foreach (var table in new[] { predictor.PredictCurve(1, 100_005), predictor.Predict([2, 4, 6, 100_000]) })
        {
            Assert.False(table.IsDefined(0));
            Assert.False(table.TryGetLoss(0, out _));
            var problem = Assert.Single(table.Problems, p => p.Law == Plans.General);
            Assert.Equal(LawProblemKind.Undefined, problem.Kind);
            Assert.Equal(table.Count == 4 ? 2 : 1, problem.Step);
            Assert.Equal(table.Count == 4 ? 2 : 5, problem.UndefinedSteps);
            Assert.Equal(problem.ToString(), Assert.Throws<InvalidOperationException>(() => table.Loss(0).Length).Message);
            Assert.False(table.IsDefined(1)); // the domain law has the same S1 term
        }
    }

    [Fact]
    public void Every_defined_value_is_finite()
    {
        var table = Predictor().PredictCurve(1, 2000);
        for (int law = 0; law < 2; law++)
            foreach (double v in table.Loss(law)) Assert.True(double.IsFinite(v));
    }
}
