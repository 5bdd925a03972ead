using CptLang.Diagnostics;
using CptLang.Laws.Schedules;

namespace CptLang.Predicting;

/// <summary>
/// The steps of a run that a prediction evaluates. By default about <see cref="DefaultPoints"/>
/// evenly spaced steps plus every phase boundary (the first and last step of each segment), the
/// switch and the step after it, so that every corner of the schedule shows whatever the run's length.
/// </summary>
public static class StepSampler
{
    public const int DefaultPoints = 200;

    /// <summary>Bounds output size: a curve of more rows than this is a mistake, not a report.</summary>
    public const long MaxRows = 10_000_000;

    public static long[] Default(EvaluationPlan plan, int points = DefaultPoints)
    {
        long total = plan.TotalSteps;
        var steps = new SortedSet<long> { 1, total };
        for (int i = 1; i < points; i++) steps.Add(Math.Max(1, (long)Math.Round((double)total * i / points)));
        foreach (var segment in plan.Segments)
        {
            steps.Add(segment.FirstStep);
            steps.Add(segment.LastStep);
        }
        if (plan.SwitchStep is { } s and > 0)
        {
            steps.Add(s);
            if (s < total) steps.Add(s + 1);
        }
        return [.. steps];
    }

    /// <summary>Every <paramref name="every"/>-th step (N, 2N, …) and the last step.</summary>
    public static (long[]? Steps, Diagnostic? Error) Every(EvaluationPlan plan, long every)
    {
        long total = plan.TotalSteps;
        long count = total / every;
        if (count > MaxRows) return (null, DiagnosticBuilder.At(default).TooManyRows(count, MaxRows));
        var steps = new List<long>((int)count + 1);
        for (long s = every; s <= total; s += every) steps.Add(s);
        if (steps.Count == 0 || steps[^1] != total) steps.Add(total);
        return ([.. steps], null);
    }

    /// <summary>The requested steps, sorted and deduplicated; each must lie in the run.</summary>
    public static (long[]? Steps, Diagnostic? Error) At(EvaluationPlan plan, IEnumerable<long> requested)
    {
        var steps = new SortedSet<long>();
        foreach (long step in requested)
        {
            if (step < 1 || step > plan.TotalSteps)
                return (null, DiagnosticBuilder.At(default).StepOutsideRun(step, plan.Run, plan.TotalSteps));
            steps.Add(step);
        }
        return ([.. steps], null);
    }
}
