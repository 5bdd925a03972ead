using System.Collections.Immutable;
using CptLang.Laws.Areas;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Areas;

/// <summary>Plans the compiler must never produce are rejected loudly, not evaluated.</summary>
public class PlanValidationTests
{
    static EvaluationPlan With(params Segment[] segments) => new("bad", 2e-4, null, PlanSettings.Default,
        [new Stage(StageKind.Pretraining, General, 1, segments[^1].LastStep)], [.. segments]);

    [Fact]
    public void Segments_must_be_contiguous_from_step_one()
    {
        Assert.Throws<ArgumentException>(() => new ScheduleAreas(With(new Segment(2, 10, 0, PhaseKind.Stable, Kernel.Constant(1e-4)))));
        Assert.Throws<ArgumentException>(() => new ScheduleAreas(With(
            new Segment(1, 10, 0, PhaseKind.Stable, Kernel.Constant(1e-4)),
            new Segment(12, 20, 0, PhaseKind.Stable, Kernel.Constant(1e-4)))));
    }

    [Fact]
    public void Learning_rates_must_be_finite_and_non_negative()
    {
        Assert.Throws<ArgumentException>(() => new ScheduleAreas(With(new Segment(1, 10, 0, PhaseKind.Decay, new Kernel(Shape.Linear, 1e-4, -1e-5)))));
        Assert.Throws<ArgumentException>(() => new ScheduleAreas(With(new Segment(1, 10, 0, PhaseKind.Decay, new Kernel(Shape.Exponential, 1e-4, 0)))));
        Assert.Throws<ArgumentException>(() => new ScheduleAreas(With(new Segment(1, 10, 0, PhaseKind.Decay, new Kernel(Shape.Polynomial, 1e-4, 0, 0)))));
        Assert.Throws<ArgumentException>(() => new ScheduleAreas(With(new Segment(1, 10, 0, PhaseKind.Decay, new Kernel(Shape.Linear, double.NaN, 0)))));
    }

    [Fact]
    public void A_segment_cannot_straddle_the_switch()
    {
        var plan = Scenarios.ConstantTwoStage(100, 100);
        var straddling = plan with
        {
            Segments = [new Segment(1, 150, 0, PhaseKind.Stable, Kernel.Constant(2e-4)), new Segment(151, 200, 1, PhaseKind.Stable, Kernel.Constant(2e-4))],
        };
        Assert.Throws<ArgumentException>(() => new ScheduleAreas(straddling));
    }

    [Fact]
    public void Lambda_must_lie_strictly_between_zero_and_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduleAreas(Single(new PlanSettings(Lambda: 1), Constant(10, 1e-4))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduleAreas(Single(new PlanSettings(Lambda: 0), Constant(10, 1e-4))));
    }

    [Fact]
    public void Steps_outside_the_run_or_out_of_order_are_refused()
    {
        var areas = new ScheduleAreas(Single(PlanSettings.Default, Constant(10, 1e-4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => areas.At(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => areas.At(11));
        Assert.Throws<ArgumentException>(() => areas.AtSteps([5, 3], new AreaPoint[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => areas.Curve(5, 11));
        var points = new AreaPoint[3];
        areas.AtSteps([2, 2, 10], points);
        Assert.Equal(points[0], points[1]);
    }
}
