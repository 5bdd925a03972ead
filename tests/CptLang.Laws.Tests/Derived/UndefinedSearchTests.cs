using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Derived;

/// <summary>A law undefined where a search looks is a reported problem, not an exception.</summary>
public class UndefinedSearchTests
{
    // pre-training at LR 0: S1 = 0 at the switch, so A·S1^(−α) is infinite there
    static LossPredictor Predictor() => TestLaws.Fig3Predictor(TwoStage(new PlanSettings(), [Constant(100, 0)], [Constant(1000, 2e-4)]));

    [Fact]
    public void The_searches_return_the_first_undefined_step()
    {
        var predictor = Predictor();
        Assert.False(TurningLength.TryFind(predictor, 0, out var turning, out var problem));
        Assert.Null(turning);
        Assert.Equal(LawProblemKind.Undefined, problem.Kind);
        Assert.Equal(100, problem.Step);
        Assert.Equal(Plans.General, problem.Law);
        Assert.False(LossPeak.TryFind(predictor, 0, out var peak, out var peakProblem));
        Assert.Null(peak);
        Assert.Equal(problem, peakProblem);
    }

    [Fact]
    public void Derived_quantities_report_it_and_leave_peak_and_turning_out()
    {
        var report = DerivedQuantities.Compute(Predictor());
        Assert.Null(report.Peak);
        Assert.Null(report.Turning);
        Assert.Contains(report.Problems, p => p.Kind == LawProblemKind.Undefined && p.Step == 100 && p.Law == Plans.General);
    }

    [Fact]
    public void A_defined_law_is_found_with_no_problem()
    {
        var predictor = TestLaws.Fig3Predictor(Scenarios.ConstantTwoStage(2000, 10000));
        Assert.True(TurningLength.TryFind(predictor, 0, out var turning, out var problem));
        Assert.Null(problem);
        Assert.Equal(509, turning.ContinualSteps);
    }
}
