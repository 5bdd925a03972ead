using CptLang.Laws.Schedules;

namespace CptLang.Fitting;

/// <summary>
/// The rows a log holds inside its run's initial warmup: before the last step of the warmup from
/// step 1 of a pre-training the file states (the row at that step is the loss once the warmup is
/// done, and stays). The laws do not describe the loss there (their power term grows without bound
/// as <c>S1 → 0</c>, while the loss of an untrained model is near ln(vocabulary)), and the papers
/// fit from the end of warmup (the Multi-Power Law's logs start at its last step), so <c>cptc fit</c>
/// leaves these rows out unless asked (<c>--fit-warmup</c>, docs/laws.md §9). A re-warmup after
/// a switch is part of the curve the CPT law describes and stays.
/// </summary>
public static class WarmupRows
{
    /// <summary>The rows of <paramref name="Run"/> before <paramref name="LastWarmupStep"/> left out.</summary>
    public sealed record Dropped(string Run, int Rows, long FirstStep, long LastStep, long LastWarmupStep);

    /// <summary>The last step of the plan's initial warmup (0 when it has none).</summary>
    public static long InitialWarmupEnd(EvaluationPlan plan)
    {
        if (plan.Pretraining is not { Kind: StageKind.Pretraining }) return 0;
        long end = 0;
        foreach (var segment in plan.Segments)
        {
            if (segment.Phase != PhaseKind.Warmup || segment.FirstStep != end + 1 || (plan.SwitchStep is long t && segment.LastStep > t)) break;
            end = segment.LastStep;
        }
        return end;
    }

    /// <summary>The logs without their rows in the initial warmup, and what was left out.</summary>
    public static (List<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)> Logs, List<Dropped> Dropped) Drop(
        List<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)> logs)
    {
        var kept = new List<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)>(logs.Count);
        var dropped = new List<Dropped>();
        foreach (var (plan, log, heldOut) in logs)
        {
            long end = InitialWarmupEnd(plan);
            int first = Array.FindIndex(log.Steps, s => s >= end);
            if (first < 0) first = log.Count;
            if (first == 0)
            {
                kept.Add((plan, log, heldOut));
                continue;
            }
            dropped.Add(new(plan.Run, first, log.Steps[0], log.Steps[first - 1], end));
            kept.Add((plan, log with
            {
                Steps = log.Steps[first..],
                Losses = log.Losses[first..],
                LearningRates = log.LearningRates?[first..],
                StepSpans = log.StepSpans[first..],
                LearningRateSpans = log.LearningRateSpans.Length == 0 ? log.LearningRateSpans : log.LearningRateSpans[first..],
            }, heldOut));
        }
        return (kept, dropped);
    }

    /// <summary>The report's line on the rows left out, or null when none were.</summary>
    public static string? Note(IReadOnlyList<Dropped> dropped)
    {
        if (dropped.Count == 0) return null;
        int rows = dropped.Sum(d => d.Rows);
        var first = dropped[0];
        string steps = first.FirstStep == first.LastStep ? $"step {first.FirstStep:N0}" : $"steps {first.FirstStep:N0}–{first.LastStep:N0}";
        string where = $"run '{first.Run}': {steps} of a warmup to step {first.LastWarmupStep:N0}"
            + (dropped.Count > 1 ? $"; and {dropped.Count - 1} more {(dropped.Count == 2 ? "run" : "runs")}" : "");
        return $"{rows} logged {(rows == 1 ? "row lies" : "rows lie")} inside a run's initial warmup ({where}) and {(rows == 1 ? "is" : "are")} not fitted or scored: " +
               "the laws describe the loss after warmup; --fit-warmup keeps them";
    }
}
