using CptLang.Laws.Derived;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Derived;

public class LossPotentialTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Is_the_final_over_the_peak_pretraining_rate(double lp)
    {
        var potential = LossPotential.Of(Scenarios.LossPotential(lp))!;
        Assert.Equal(lp, potential.Value, 12);
        Assert.Equal(2e-4, potential.PeakLearningRate);
        Assert.Equal(lp * 2e-4, potential.FinalLearningRate, 1e-18);
    }

    [Fact]
    public void Counts_the_real_warmup_and_ignores_continual_steps()
    {
        var plan = TwoStage(PlanSettings.Default,
            [Warmup(100, 0, 3e-4), Cosine(900, 3e-4, 3e-5)],
            [Constant(100, 1e-3)]);
        var potential = LossPotential.Of(plan)!;
        Assert.Equal(3e-4, potential.PeakLearningRate);
        Assert.Equal(0.1, potential.Value, 12);
    }

    [Fact]
    public void Has_no_value_for_unknown_pretraining()
    {
        Assert.Null(LossPotential.Of(OpenModel(PlanSettings.Default, Constant(100, 1e-4))));
    }

    [Fact]
    public void Covers_the_whole_run_without_a_switch()
    {
        Assert.Equal(0.5, LossPotential.Of(Single(PlanSettings.Default, Constant(10, 2e-4), Linear(10, 2e-4, 1e-4)))!.Value, 12);
    }
}
