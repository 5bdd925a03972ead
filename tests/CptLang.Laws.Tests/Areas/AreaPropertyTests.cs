using CptLang.Laws.Areas;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using CsCheck;

namespace CptLang.Laws.Tests.Areas;

/// <summary>
/// The closed-form areas against the plain per-step recurrence (<see cref="ReferenceAreas"/>)
/// on thousands of random schedules, to 1e-9 of each quantity's scale (see <see cref="AreaAssert"/>).
/// </summary>
public class AreaPropertyTests
{
    const double Tolerance = 1e-9;

    [Fact]
    public void Closed_forms_match_the_per_step_recurrence_on_short_runs()
    {
        RandomPlans.Short.Sample(spec =>
        {
            var plan = spec.ToPlan();
            var areas = new ScheduleAreas(plan);
            var reference = ReferenceAreas.Walk(plan);
            foreach (long step in SampledSteps(plan))
            {
                var actual = areas.At(step);
                Assert.Equal(plan.LearningRate(step), actual.LearningRate);
                AreaAssert.Close(reference.At(step), actual, reference.S2Scale(step), reference.MaxLearningRate, Tolerance, spec.ToString());
            }
        }, iter: PropertyRuns.Iterations(3000));
    }

    [Fact]
    public void The_curve_path_matches_the_per_step_recurrence_at_every_step()
    {
        RandomPlans.Short.Sample(spec =>
        {
            var plan = spec.ToPlan();
            var reference = ReferenceAreas.Walk(plan);
            var curve = new ScheduleAreas(plan).Curve(1, plan.TotalSteps);
            for (int i = 0; i < curve.Count; i++)
            {
                var actual = curve[i];
                long step = i + 1;
                double lr = plan.LearningRate(step);
                Assert.True(Math.Abs(actual.LearningRate - lr) <= 1e-14 * lr + 1e-15 * reference.MaxLearningRate, $"{spec}: LR at {step} is {actual.LearningRate:R}, expected {lr:R}");
                AreaAssert.Close(reference.At(step), actual, reference.S2Scale(step), reference.MaxLearningRate, Tolerance, spec.ToString());
            }
        }, iter: PropertyRuns.Iterations(120));
    }

    [Fact]
    public void A_steps_curve_values_do_not_depend_on_the_range_asked_for()
    {
        Gen.Select(RandomPlans.Short, Gen.Double[0, 1]).Sample((spec, at) =>
        {
            var areas = new ScheduleAreas(spec.ToPlan());
            long total = areas.TotalSteps, first = 1 + (long)(at * (total - 1));
            var whole = areas.Curve(1, total);
            var tail = areas.Curve(first, total);
            for (int i = 0; i < tail.Count; i++)
                Assert.Equal(whole[(int)(first - 1) + i], tail[i]);
        }, iter: PropertyRuns.Iterations(100));
    }

    [Fact]
    public void Sampled_steps_agree_with_single_steps()
    {
        RandomPlans.Short.Sample(spec =>
        {
            var plan = spec.ToPlan();
            var areas = new ScheduleAreas(plan);
            long[] steps = [.. SampledSteps(plan)];
            var points = new AreaPoint[steps.Length];
            areas.AtSteps(steps, points);
            for (int i = 0; i < steps.Length; i++) Assert.Equal(areas.At(steps[i]), points[i]);
        }, iter: PropertyRuns.Iterations(300));
    }

    /// <summary>Segments of up to 10⁹ steps: at sampled steps, the closed form must equal the
    /// closed form 2,000 steps earlier walked forward step by step with the recurrence.</summary>
    [Fact]
    public void Long_segments_agree_with_a_per_step_walk_into_each_sampled_step()
    {
        RandomPlans.Long.Sample(spec =>
        {
            var plan = spec.ToPlan();
            var areas = new ScheduleAreas(plan);
            foreach (long step in SampledSteps(plan, perSegment: 2))
            {
                long walk = Math.Min(2000, step - 1);
                var expected = LocalWalk.From(plan, areas.StateAt(step - walk), walk, out double s2Scale, out double maxLr);
                AreaAssert.Close(expected, areas.At(step), s2Scale, maxLr, Tolerance, spec.ToString());
            }
        }, iter: PropertyRuns.Iterations(60));
    }

    /// <summary>A few runs of up to a few million steps walked completely, so that long
    /// segments are also checked against a reference that shares nothing with the engine.</summary>
    [Fact]
    public void Closed_forms_match_a_full_walk_of_multi_million_step_runs()
    {
        var gen = Gen.Select(RandomPlans.Short, Gen.Long[200_000, 1_000_000], (spec, n) =>
            spec with { Pieces = [.. spec.Pieces.Select((p, i) => i % 2 == 0 ? p with { Length = n } : p)] });
        gen.Sample(spec =>
        {
            var plan = spec.ToPlan();
            var areas = new ScheduleAreas(plan);
            var reference = ReferenceAreas.Walk(plan);
            foreach (long step in SampledSteps(plan, perSegment: 6))
                AreaAssert.Close(reference.At(step), areas.At(step), reference.S2Scale(step), reference.MaxLearningRate, Tolerance, spec.ToString());
        }, iter: PropertyRuns.Iterations(8));
    }

    /// <summary>Every segment's first, second and last two steps, plus random ones.</summary>
    internal static IEnumerable<long> SampledSteps(EvaluationPlan plan, int perSegment = 4)
    {
        var random = new Random((int)(plan.TotalSteps % int.MaxValue));
        var steps = new SortedSet<long>();
        foreach (var seg in plan.Segments)
        {
            foreach (long s in new[] { seg.FirstStep, seg.FirstStep + 1, seg.LastStep - 1, seg.LastStep })
                if (s >= seg.FirstStep && s <= seg.LastStep) steps.Add(s);
            for (int i = 0; i < perSegment; i++) steps.Add(seg.FirstStep + random.NextInt64(seg.Length));
        }
        return steps;
    }
}
