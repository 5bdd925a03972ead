using CptLang.Laws.Derived;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using Xunit.Abstractions;

namespace CptLang.Laws.Tests.Derived;

/// <summary>The loss-peak search on long runs: the step an exhaustive walk finds (the earliest
/// within τ of the maximum), for a few hundred law evaluations however long the run.</summary>
public class PeakSearchTests(ITestOutputHelper output)
{
    /// <summary>80 % pre-training (1 % linear warmup, cosine 2e-4 → 2e-5), then CPT (1 % re-warmup
    /// from 0, cosine 1e-4 → 0): the benchmarks' run.</summary>
    static EvaluationPlan TwoStage(long totalSteps)
    {
        long pt = totalSteps * 8 / 10, cpt = totalSteps - pt, ptWarm = pt / 100, cptWarm = cpt / 100;
        return Plans.TwoStage(PlanSettings.Default,
            [Plans.Warmup(ptWarm, 0, 2e-4), Plans.Cosine(pt - ptWarm, 2e-4, 2e-5)],
            [Plans.Warmup(cptWarm, 0, 1e-4), Plans.Cosine(cpt - cptWarm, 1e-4, 0)]);
    }

    [Theory]
    [InlineData(1_000_000L, 0L)]              // every CPT step walked
    [InlineData(10_000_000L, 0L)]
    [InlineData(1_000_000_000L, 1_000_000L)]  // 2·10⁸ CPT steps: the walk covers ±10⁶ around the peak
    public void The_peak_is_the_step_a_walk_finds_for_few_evaluations(long totalSteps, long around)
    {
        var predictor = TestLaws.Fig3Predictor(TwoStage(totalSteps));
        var curve = DerivedQuantities.CurveOf(predictor, 0);
        var (step, excess) = LossSearch.Maximum(curve, curve.SwitchStep + 1, curve.RunEnd)!.Value;
        int evaluations = curve.Evaluations;
        Assert.True(evaluations < 2_000, $"{evaluations} evaluations");

        var walk = DerivedQuantities.CurveOf(predictor, 0);
        long from = around == 0 ? walk.SwitchStep + 1 : step - around, to = around == 0 ? walk.RunEnd : step + around;
        var h = new double[to - from + 1];
        for (long s = from; s <= to; s++) h[s - from] = walk.Excess(s);
        double max = h.Max();
        if (around > 0)
            Assert.True(h[0] < max - 1e5 * walk.Resolution && h[^1] < max - 1e5 * walk.Resolution, "the peak is not inside the walked stretch");
        long first = from + Array.FindIndex(h, x => x >= max - walk.Resolution);
        output.WriteLine($"{totalSteps:N0} steps: peak at {step:N0} ({evaluations} evaluations), walk {first:N0}");
        Assert.Equal(first, step);
        Assert.Equal(h[step - from], excess);
    }
}
