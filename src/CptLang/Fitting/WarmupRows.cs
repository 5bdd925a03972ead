using CptLang.Laws.Schedules;
using static CptLang.Diagnostics.DisplayFormat;

namespace CptLang.Fitting;

/// <summary>
/// The rows a log holds before the law's curve: step 0 (the loss before the first update, which
/// trainers often log; a law starts at step 1) and the rows inside the run's initial warmup, before
/// the last step of the warmup from step 1 of a pre-training the file states (the row at that step
/// is the loss once the warmup is done, and stays). The laws do not describe the loss in the warmup
/// (their power term grows without bound as <c>S1 → 0</c>, while the loss of an untrained model is
/// near ln(vocabulary)), and the papers fit from the end of warmup (the Multi-Power Law's logs
/// start at its last step), so <c>cptc fit</c> leaves these rows out; <c>--fit-warmup</c> keeps
/// the warmup's (docs/laws.md §9). A re-warmup after a switch is part of the curve the CPT law
/// describes and stays.
/// </summary>
public static class WarmupRows
{
    /// <summary>What was left out of <paramref name="Run"/>'s log: a row at step 0 or not
    /// (<paramref name="StepZero"/>), and <paramref name="Rows"/> rows from
    /// <paramref name="FirstStep"/> to <paramref name="LastStep"/> before the warmup's last step
    /// <paramref name="LastWarmupStep"/>.</summary>
    public sealed record Dropped(string Run, bool StepZero, int Rows, long FirstStep, long LastStep, long LastWarmupStep);

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

    /// <summary>The logs without their row at step 0 and, unless <paramref name="keepWarmup"/>,
    /// without their rows in the initial warmup; and what was left out.</summary>
    public static (List<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)> Logs, List<Dropped> Dropped) Drop(
        List<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)> logs, bool keepWarmup)
    {
        var kept = new List<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)>(logs.Count);
        var dropped = new List<Dropped>();
        foreach (var (plan, log, heldOut) in logs)
        {
            long end = keepWarmup ? 0 : InitialWarmupEnd(plan);
            int first = log.FirstRowAt(Math.Max(end, 1));
            kept.Add((plan, log.From(first), heldOut));
            if (first == 0) continue;
            bool zero = log.Steps[0] == 0;
            int warmup = zero ? first - 1 : first;
            dropped.Add(new(plan.Run, zero, warmup, warmup > 0 ? log.Steps[first - warmup] : 0, log.Steps[first - 1], end));
        }
        return (kept, dropped);
    }

    /// <summary>The report's line on the rows left out, or null when none were.</summary>
    public static string? Note(IReadOnlyList<Dropped> dropped)
    {
        int zero = dropped.Count(d => d.StepZero), warmup = dropped.Sum(d => d.Rows);
        if (zero + warmup == 0) return null;
        string Rows(int n) => $"{n} logged {(n == 1 ? "row" : "rows")}";
        const string atZero = "at step 0, before the first update";
        if (warmup == 0)
            return $"{Rows(zero)} {atZero}, {(zero == 1 ? "is" : "are")} not fitted or scored: a law's curve starts at step 1";
        var runs = dropped.Where(d => d.Rows > 0).ToList();
        var first = runs[0];
        string steps = first.FirstStep == first.LastStep ? $"step {Steps(first.FirstStep)}" : $"steps {Steps(first.FirstStep)}–{Steps(first.LastStep)}";
        string where = $"run '{first.Run}': {steps} of a warmup to step {Steps(first.LastWarmupStep)}"
            + (runs.Count > 1 ? $"; and {runs.Count - 1} more {(runs.Count == 2 ? "run" : "runs")}" : "");
        string inWarmup = $"inside a run's initial warmup ({where})";
        return (zero == 0
                ? $"{Rows(warmup)} {(warmup == 1 ? "lies" : "lie")} {inWarmup} and {(warmup == 1 ? "is" : "are")} not fitted or scored"
                : $"{Rows(zero + warmup)} are not fitted or scored: {zero} {atZero}, and {warmup} {inWarmup}") +
               ": the laws describe the loss after warmup; --fit-warmup keeps the warmup's rows";
    }
}
