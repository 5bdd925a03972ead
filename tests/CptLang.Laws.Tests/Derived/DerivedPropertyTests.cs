using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Tests.Support;
using CptLang.Laws.Schedules;
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

    /// <summary>Two-stage runs whose shapes all have closed forms, so that the step-by-step
    /// walk the searches are checked against stays cheap (a power-of-linear shape's single-step
    /// query walks a momentum window); the searches themselves do not depend on the shape.</summary>
    internal static Gen<RandomPlans.PlanSpec> SwitchingRunsForProbe => SwitchingRuns;
    internal static Gen<LawParameters> CptLawForProbe => CptLaw;
    static readonly Gen<RandomPlans.PlanSpec> SwitchingRuns =
        RandomPlans.Short.Where(s => s.SwitchKind == 1 && s.Pieces.Length >= 2).Select(s => s with
        {
            Pieces = [.. s.Pieces.Select(p => p with
            {
                Shape = p.Shape switch
                {
                    Shape.OneMinusSqrt => Shape.Linear,
                    Shape.SqrtOfOneMinus => Shape.Cosine,
                    Shape.Polynomial => Shape.Square,
                    Shape.InverseSqrt => Shape.Exponential,
                    var other => other,
                },
            })],
        });

    [Fact]
    public void Turning_length_and_peak_match_a_walk_over_every_step()
    {
        int samples = 0, discarded = 0;
        Gen.Select(SwitchingRuns, CptLaw).Sample((spec, parameters) =>
        {
            Interlocked.Increment(ref samples);
            var plan = spec.ToPlan();
            var predictor = new LossPredictor(plan, [new ParametricLaw(Plans.General, parameters)]);
            long tpt = plan.SwitchStep!.Value, end = plan.TotalSteps;
            if (Walk(predictor, tpt, end) is not { } excess)
            {
                Interlocked.Increment(ref discarded); // S1 = 0 somewhere: undefined there, nothing to compare
                return;
            }

            var turning = Searches.Turning(predictor, 0);
            double tau = DerivedQuantities.CurveOf(predictor, 0).Resolution;
            int rise = Array.FindIndex(excess, h => h > tau);
            AssertSameOrTie(rise, turning.RiseStep, excess, tau, tau);
            if (rise >= 0 && turning.RiseStep == rise + 1)
            {
                int back = Array.FindIndex(excess, rise + 1, h => h <= 0);
                long? found = turning.Outcome == TurningOutcome.Within ? turning.ContinualSteps : null;
                AssertSameOrTie(back, found, excess, 0, tau);
            }

            // The peak to the resolution τ: within 2τ of the maximum, and no earlier step comes
            // close to the maximum (a stretch flat to rounding at the search's threshold, M − τ
            // give or take the rounding margin, may be passed over as a tie).
            var peak = Searches.Peak(predictor, 0);
            double max = excess.Max();
            Assert.True(excess[peak.ContinualSteps - 1] >= max - 2 * tau, $"peak at {peak.ContinualSteps} is {max - excess[peak.ContinualSteps - 1]:R} below the maximum (τ = {tau:R})");
            // An earlier step within τ/4 of the maximum is allowed only as a tie: when the loss
            // varies by rounding-sized amounts per step (an LR of 1e-34, say), the search's bounds
            // cannot tell the steps between it and the peak apart, and neither can τ.
            int early = Array.FindIndex(excess, h => h >= max - tau / 4);
            double atPeak = excess[peak.ContinualSteps - 1];
            for (int t = early; t < peak.ContinualSteps - 1; t++)
                Assert.True(Math.Abs(atPeak - excess[t]) <= tau, $"peak at {peak.ContinualSteps}, but step {t + 1} is within τ/4 of the maximum and {Math.Abs(atPeak - excess[t]):R} from the peak's loss (τ = {tau:R})");
            Assert.Equal(excess[peak.ContinualSteps - 1], peak.Loss - peak.SwitchLoss, 1e-15);
        }, iter: PropertyRuns.Iterations(150), print: t => $"{t.Item1} {string.Join(", ", t.Item2.Names.Zip(t.Item2.Values, (n, v) => $"{n}={v:R}"))}");
        Assert.True(discarded * 2 < samples, $"{discarded} of {samples} samples were undefined somewhere and compared nothing");
    }

    /// <summary>The excess over the switch value at every CPT step, or null when the law is
    /// undefined at the switch or at one of them.</summary>
    static double[]? Walk(LossPredictor predictor, long tpt, long end)
    {
        if (!predictor.Loss(0, predictor.Areas.At(tpt)).TryGetValue(out double atSwitch)) return null;
        var excess = new double[end - tpt];
        for (long t = 1; t <= end - tpt; t++)
        {
            if (!predictor.LossAt(0, tpt + t).TryGetValue(out double loss)) return null;
            excess[t - 1] = loss - atSwitch;
        }
        return excess;
    }

    /// <summary>The search's first step (1-based CPT steps; null if none within the run) equals
    /// the walk's (0-based index, −1 if none), or every step where they disagree is within
    /// <paramref name="band"/> of the threshold: a tie that only rounding decides.</summary>
    static void AssertSameOrTie(int walkIndex, long? found, double[] excess, double threshold, double band)
    {
        long walk = walkIndex < 0 ? long.MaxValue : walkIndex + 1;
        long search = found is long f && f <= excess.Length ? f : long.MaxValue;
        if (walk == search) return;
        long from = Math.Min(walk, search), to = Math.Min(Math.Max(walk, search), excess.Length);
        for (long t = from; t <= to; t++)
            Assert.True(Math.Abs(excess[t - 1] - threshold) <= band,
                $"the search says {search}, a walk {walk}; at {t} the excess {excess[t - 1]:R} is not a tie with {threshold:R} (band {band:R})");
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
