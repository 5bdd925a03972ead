using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;

namespace CptLang.Laws.Tests.Laws;

/// <summary>The losses of docs/laws.md §10 with the Fig. 3 parameters.</summary>
public class RegressionLossTests
{
    const double Tolerance = 1e-4;

    static (double General, double Domain) Losses(LossPredictor predictor, long step) =>
        (predictor.LossAt(0, step).Value, predictor.LossAt(1, step).Value);

    [Fact]
    public void T1_losses_at_the_switch()
    {
        var (general, domain) = Losses(TestLaws.Fig3Predictor(Scenarios.T1(S2Split.Step)), 40000);
        Assert.Equal(3.19069, general, Tolerance);
        Assert.Equal(3.08641, domain, Tolerance);
    }

    [Theory]
    [InlineData(1000, 3.20023, 2.78109)]
    [InlineData(5000, 3.25162, 2.68208)]
    [InlineData(10000, 3.25686, 2.66784)]
    public void T1_losses_during_continual_pretraining(long t, double general, double domain)
    {
        var (g, d) = Losses(TestLaws.Fig3Predictor(Scenarios.T1(S2Split.Step)), 40000 + t);
        Assert.Equal(general, g, Tolerance);
        Assert.Equal(domain, d, Tolerance);
    }

    [Fact]
    public void T1_final_losses_with_source_split()
    {
        var (g, d) = Losses(TestLaws.Fig3Predictor(Scenarios.T1(S2Split.Source)), 50000);
        Assert.Equal(3.25681, g, Tolerance);
        Assert.Equal(2.67010, d, Tolerance);
    }

    [Fact]
    public void The_two_splits_differ_by_less_than_three_thousandths_with_Fig3_parameters()
    {
        var step = TestLaws.Fig3Predictor(Scenarios.T1(S2Split.Step));
        var source = TestLaws.Fig3Predictor(Scenarios.T1(S2Split.Source));
        for (long s = 40001; s <= 50000; s += 37)
            for (int law = 0; law < 2; law++)
                Assert.True(Math.Abs(step.LossAt(law, s).Value - source.LossAt(law, s).Value) < 0.003);
    }

    [Theory]
    [InlineData(100, 3.33192, 2.85209)]
    [InlineData(1000, 3.40692, 2.75247)]
    [InlineData(10000, 3.45366, 2.65093)]
    [InlineData(40000, 3.43401, 2.57383)]
    public void T2_constant_learning_rate_in_both_phases(long t, double general, double domain)
    {
        var (g, d) = Losses(TestLaws.Fig3Predictor(Scenarios.ConstantTwoStage(20000, 40000)), 20000 + t);
        Assert.Equal(general, g, Tolerance);
        Assert.Equal(domain, d, Tolerance);
    }

    [Theory]
    [InlineData(0.0, 3.0705, 3.1761)]
    [InlineData(0.1, 2.6671, 3.2567)]
    [InlineData(0.5, 2.6069, 3.3181)]
    [InlineData(1.0, 2.5814, 3.3401)]
    public void T4_final_losses_by_loss_potential(double lp, double domain, double general)
    {
        var (g, d) = Losses(TestLaws.Fig3Predictor(Scenarios.LossPotential(lp)), 50000);
        Assert.Equal(domain, d, Tolerance);
        Assert.Equal(general, g, Tolerance);
    }

    [Fact]
    public void The_curve_path_agrees_with_single_steps()
    {
        var predictor = TestLaws.Fig3Predictor(Scenarios.T1(S2Split.Source));
        var table = predictor.PredictCurve(1, 50000);
        for (int law = 0; law < 2; law++)
        {
            var curve = table.Loss(law);
            for (long s = 1; s <= 50000; s += 13)
                Assert.Equal(predictor.LossAt(law, s).Value, curve[(int)(s - 1)], 1e-12);
        }
    }
}
