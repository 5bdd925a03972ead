using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Derived;
using CptLang.Laws.Tests.Support;
using CsCheck;

namespace CptLang.Laws.Tests.Laws;

/// <summary>A law that states its own λ (<see cref="LawParameters.Lambda"/>) predicts exactly what
/// it predicts when the schedule has that λ, whatever the other laws of the predictor see.</summary>
public class OwnLambdaTests
{
    [Fact]
    public void A_law_with_its_own_lambda_equals_the_law_under_a_schedule_with_that_lambda()
    {
        Gen.Select(DerivedPropertyTests.SwitchingRunsForProbe, DerivedPropertyTests.CptLawForProbe, Gen.Double[1, 4]).Sample((spec, parameters, exponent) =>
        {
            double lambda = 1 - Math.Pow(10, -exponent);
            var plan = spec.ToPlan();
            var own = new LossPredictor(plan, [new ParametricLaw(Plans.General, parameters with { Lambda = lambda }), new ParametricLaw(Plans.Domain, parameters)]);
            var reference = new LossPredictor(plan.WithLambda(lambda), [new ParametricLaw(Plans.General, parameters)]);
            var schedule = new LossPredictor(plan, [new ParametricLaw(Plans.Domain, parameters)]);

            long[] steps = [.. Enumerable.Range(0, 40).Select(i => 1 + i * (plan.TotalSteps - 1) / 39).Distinct()];
            var table = own.Predict(steps);
            var expected = reference.Predict(steps);
            var other = schedule.Predict(steps);
            SameColumn(expected, 0, table, 0);
            SameColumn(other, 0, table, 1);
            SameColumn(reference.PredictCurve(1, plan.TotalSteps), 0, own.PredictCurve(1, plan.TotalSteps), 0);
            Assert.Equal(reference.LossAt(0, plan.TotalSteps), own.LossAt(0, plan.TotalSteps));

            var derived = DerivedQuantities.Compute(own);
            var derivedReference = DerivedQuantities.Compute(reference);
            Assert.Equal(derivedReference.Laws[0], derived.Laws[0]);
            Assert.Equal(derivedReference.Peak, derived.Peak);
            Assert.Equal(derivedReference.Turning, derived.Turning);
        }, iter: PropertyRuns.Iterations(60), print: t => $"{t.Item1} λ = 1 − 10^−{t.Item3:R}");
    }

    /// <summary>The same values, or the same problem (an undefined law, e.g. S1 = 0 at step 1).</summary>
    static void SameColumn(LossTable expected, int expectedLaw, LossTable actual, int actualLaw)
    {
        Assert.Equal(expected.IsDefined(expectedLaw), actual.IsDefined(actualLaw));
        if (expected.IsDefined(expectedLaw)) Assert.Equal(expected.Loss(expectedLaw).ToArray(), actual.Loss(actualLaw).ToArray());
        else Assert.Equal(expected.ProblemOf(expectedLaw).Message, actual.ProblemOf(actualLaw).Message);
    }

    [Fact]
    public void A_weighted_sum_of_laws_with_different_lambda_is_a_problem_not_a_prediction()
    {
        var plan = Plans.TwoStage(new PlanSettings(), [Plans.Constant(1000, 2e-4)], [Plans.Cosine(500, 2e-5, 0)]);
        var general = TestLaws.Fig3[0] as ParametricLaw;
        var domain = TestLaws.Fig3[1] as ParametricLaw;
        var sum = new WeightedSumLaw("ood", [new WeightedTerm(0.5, general!.Name), new WeightedTerm(0.5, domain!.Name)]);
        var mixed = new LossPredictor(plan, [general with { Parameters = general.Parameters with { Lambda = 0.99 } }, domain, sum]);
        var problem = Assert.Single(mixed.Problems, p => p.Law == "ood");
        Assert.Equal(LawProblemKind.MixedLambda, problem.Kind);
        Assert.Contains("different lambda", problem.Message);
        Assert.False(mixed.LossAt(2, plan.TotalSteps).TryGetValue(out _));

        // one λ for both: the sum follows it
        var same = new LossPredictor(plan, [general with { Parameters = general.Parameters with { Lambda = 0.99 } }, domain with { Parameters = domain.Parameters with { Lambda = 0.99 } }, sum]);
        var reference = new LossPredictor(plan.WithLambda(0.99), [general, domain, sum]);
        Assert.Equal(reference.LossAt(2, plan.TotalSteps), same.LossAt(2, plan.TotalSteps));
    }
}
