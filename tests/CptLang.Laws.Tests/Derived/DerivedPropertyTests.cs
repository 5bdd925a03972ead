using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Tests.Support;
using CsCheck;

namespace CptLang.Laws.Tests.Derived;

/// <summary>The branch-and-bound searches against a step-by-step walk over random runs and laws.</summary>
public class DerivedPropertyTests
{
    static readonly Gen<LawParameters> CptLaw =
        Gen.Select(Gen.Double[2, 4], Gen.Double[0.1, 1], Gen.Double[0.2, 0.8], Gen.Double[0, 0.5], Gen.Double[0, 0.5],
                   Gen.Double[-1, 2], Gen.Double[0, 3], Gen.Double[0.01, 0.8],
            (l0, a, alpha, c1, c2, b, logE, beta) => new LawParameters(LawForm.Cpt, new Dictionary<string, double>
            {
                [LawParameterNames.L0] = l0, [LawParameterNames.A] = a, [LawParameterNames.Alpha] = alpha,
                [LawParameterNames.C1] = c1, [LawParameterNames.C2] = c2, [LawParameterNames.B] = b,
                [LawParameterNames.E] = Math.Pow(10, logE), [LawParameterNames.Beta] = beta,
            }));

    static readonly Gen<RandomPlans.PlanSpec> SwitchingRuns =
        RandomPlans.Short.Where(s => s.SwitchKind == 1 && s.Pieces.Length >= 2);

    [Fact]
    public void Turning_length_and_peak_match_a_walk_over_every_step()
    {
        Gen.Select(SwitchingRuns, CptLaw).Sample((spec, parameters) =>
        {
            var plan = spec.ToPlan();
            var predictor = new LossPredictor(plan, [new ParametricLaw(Plans.General, parameters)]);
            long tpt = plan.SwitchStep!.Value, end = plan.TotalSteps;
            double[] excess;
            try
            {
                double atSwitch = predictor.Loss(0, predictor.Areas.At(tpt)).Value;
                excess = [.. Enumerable.Range(1, (int)(end - tpt)).Select(t => predictor.LossAt(0, tpt + t).Value - atSwitch)];
            }
            catch (LawEvaluationException)
            {
                return; // S1 = 0 somewhere: the law is undefined there, nothing to compare
            }

            var turning = TurningLength.Find(predictor, 0);
            double tau = DerivedQuantities.CurveOf(predictor, 0).Resolution;
            int rise = Array.FindIndex(excess, h => h > tau);
            int back = rise < 0 ? -1 : Array.FindIndex(excess, rise + 1, h => h <= 0);
            if (back >= 0)
            {
                Assert.Equal(TurningOutcome.Within, turning.Outcome);
                Assert.Equal(back + 1, turning.ContinualSteps);
                Assert.Equal(rise + 1, turning.RiseStep);
            }
            else
            {
                Assert.NotEqual(TurningOutcome.Within, turning.Outcome);
                if (rise >= 0) Assert.Equal(rise + 1, turning.RiseStep);
                else Assert.True(turning.RiseStep is null || turning.RiseStep > excess.Length);
            }

            // The peak to the resolution τ: no later than the first step within τ of the maximum,
            // and itself within 2τ of it.
            var peak = LossPeak.Find(predictor, 0);
            double max = excess.Max();
            int firstNearMax = Array.FindIndex(excess, h => h >= max - tau);
            Assert.True(peak.ContinualSteps <= firstNearMax + 1, $"peak at {peak.ContinualSteps}, first within τ at {firstNearMax + 1}");
            Assert.True(excess[peak.ContinualSteps - 1] >= max - 2 * tau);
            Assert.Equal(excess[peak.ContinualSteps - 1], peak.Loss - peak.SwitchLoss, 1e-15);
        }, iter: PropertyRuns.Iterations(300));
    }

    [Fact]
    public void Searches_cost_a_few_evaluations_per_bisection_level()
    {
        var predictor = TestLaws.Fig3Predictor(Scenarios.ConstantTwoStage(5000, 1_000_000));
        var curve = DerivedQuantities.CurveOf(predictor, 0);
        Assert.Equal(8420, LossSearch.FirstAtOrBelow(curve, 5002, curve.End)! - 5000);
        // 41 bisection levels (2^40 extension + run); a per-step walk would need 8,420.
        Assert.True(curve.Evaluations < 400, $"{curve.Evaluations} evaluations");
    }
}
