using CptLang.Laws.Areas;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Areas;

/// <summary>The area columns of docs/laws.md §10.</summary>
public class RegressionAreaTests
{
    const double Tolerance = 1e-4;

    [Theory]
    [InlineData(2, 0.0002)]
    [InlineData(11, 0.001991)]
    [InlineData(1001, 0.126461)]
    [InlineData(5001, 0.198656)]
    [InlineData(20001, 0.2)]
    public void A_single_drop_saturates_at_delta_over_one_minus_lambda(long step, double expected)
    {
        var plan = Single(PlanSettings.Default, Constant(1, 2e-4), Constant(20000, 0));
        var areas = new ScheduleAreas(plan);
        Assert.Equal(expected, areas.At(step).S2, 6);
    }

    [Theory]
    [InlineData(1000, 0.010010, 0.023640)]
    [InlineData(5000, 0.078219, 0.034309)]
    [InlineData(10000, 0.100000, 0.047952)]
    public void T1_continual_areas_with_step_split(long t, double s1cpt, double s2cpt)
    {
        var areas = new ScheduleAreas(Scenarios.T1(S2Split.Step));
        var p = areas.At(40000 + t);
        Assert.Equal(7.599900, p.S1pt, Tolerance);
        Assert.Equal(0.150963, p.S2pt, Tolerance);
        Assert.Equal(s1cpt, p.S1cpt, Tolerance);
        Assert.Equal(s2cpt, p.S2cpt, Tolerance);
    }

    [Fact]
    public void T1_areas_at_the_switch()
    {
        var p = new ScheduleAreas(Scenarios.T1(S2Split.Step)).At(40000);
        Assert.Equal(7.599900, p.S1pt, Tolerance);
        Assert.Equal(0.150963, p.S2pt, Tolerance);
        Assert.Equal(0, p.S1cpt);
        Assert.Equal(0, p.S2cpt);
    }

    [Fact]
    public void T1_source_split_keeps_the_pretraining_momentum_in_S2pt()
    {
        var p = new ScheduleAreas(Scenarios.T1(S2Split.Source)).At(50000);
        Assert.Equal(7.599900, p.S1pt, Tolerance);
        Assert.Equal(0.100000, p.S1cpt, Tolerance);
        Assert.Equal(0.199998, p.S2pt, Tolerance);
        Assert.Equal(-0.001083, p.S2cpt, Tolerance);
    }

    [Fact]
    public void Both_splits_share_the_total_annealing_area()
    {
        var step = new ScheduleAreas(Scenarios.T1(S2Split.Step));
        var source = new ScheduleAreas(Scenarios.T1(S2Split.Source));
        foreach (long s in new long[] { 40001, 41000, 45000, 50000 })
            Assert.Equal(step.At(s).S2, source.At(s).S2, 12);
    }
}
