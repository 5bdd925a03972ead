using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace CptLang.Laws.Tests.Derived;

/// <summary>
/// The peak search's second-order bounds (<see cref="ContinualCurve.SecondOrderBounds"/>) hold at
/// every step of random intervals, on random runs of every shape (power shapes included), with
/// LRs down to 1e-95 and 0 (RandomPlans draws such ends), and on the case that broke an earlier
/// attempt: a rising 1-sqrt warmup after an LR of 4e-95.
/// </summary>
public class SecondOrderBoundsTests(ITestOutputHelper output)
{
    long checkedSteps;

    [Fact]
    public void Bounds_hold_at_every_step_of_random_intervals()
    {
        Gen.Select(RandomPlans.Short.Where(s => s.SwitchKind == 1 && s.Pieces.Length >= 2), DerivedPropertyTests.CptLawForProbe, Gen.Double[0, 1].Array[8, 8])
            .Sample((spec, parameters, picks) =>
            {
                var plan = spec.ToPlan();
                var predictor = new LossPredictor(plan, [new ParametricLaw(Plans.General, parameters)]);
                CheckIntervals(predictor, picks, spec.ToString());
            }, iter: PropertyRuns.Iterations(150), print: t => t.Item1.ToString());
        output.WriteLine($"{checkedSteps} steps checked");
        Assert.True(checkedSteps > 0);
    }

    [Theory]
    [InlineData(4e-95)]
    [InlineData(0.0)]
    [InlineData(1e-300)]
    public void Bounds_hold_after_a_tiny_pre_training_LR(double tiny)
    {
        // Pre-training ends at a tiny LR; CPT re-warms with 1-sqrt, then decays with √(1−r).
        var plan = Plans.TwoStage(PlanSettings.Default,
            [Plans.Warmup(3_000, 0, 2e-4), Plans.Cosine(17_000, 2e-4, tiny)],
            [new Plans.Piece(2_500, new Kernel(Shape.OneMinusSqrt, tiny, 1e-4), PhaseKind.Warmup),
             new Plans.Piece(37_500, new Kernel(Shape.SqrtOfOneMinus, 1e-4, 1e-6), PhaseKind.Decay)]);
        var predictor = TestLaws.Fig3Predictor(plan);
        var random = new Random(7);
        for (int i = 0; i < 20; i++)
        {
            var picks = Enumerable.Range(0, 8).Select(_ => random.NextDouble()).ToArray();
            CheckIntervals(predictor, picks, $"tiny LR {tiny:R}");
        }
    }

    void CheckIntervals(LossPredictor predictor, double[] picks, string context)
    {
        var curve = DerivedQuantities.CurveOf(predictor, 0);
        if (curve.Problem is not null) return;
        foreach (var (from, to) in curve.Pieces)
        {
            if (to > curve.RunEnd || to - from < 4) continue;
            for (int j = 0; j + 1 < picks.Length; j += 2)
            {
                long a = from + (long)(picks[j] * (to - from - 2));
                long width = Math.Min(to - a, 2 + (long)(picks[j + 1] * picks[j + 1] * 3000));
                long b = a + width;
                var bounds = curve.SecondOrderBounds(a, b, from, to);
                if (curve.Problem is not null) return;
                for (long s = a; s <= b; s++)
                {
                    double h = curve.Excess(s);
                    Interlocked.Increment(ref checkedSteps);
                    if (curve.Problem is not null) return;
                    Assert.True(h >= bounds.Low && h <= bounds.High,
                        $"{context}: step {s} of [{a}, {b}] (piece [{from}, {to}]) has excess {h:R} outside [{bounds.Low:R}, {bounds.High:R}]");
                }
            }
        }
    }
}
