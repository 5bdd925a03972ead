using CptLang.Laws.Areas;
using CptLang.Laws.Schedules;

namespace CptLang.Fitting;

/// <summary>
/// Rows that two logs share. A CPT run's log usually starts with the pre-training rows up to its
/// checkpoint, the same rows as the pre-training run's log (docs/cli.md, <c>cptc fit</c>). A row
/// of a fitted run that repeats a row of an earlier fitted run — same step, same schedule up to
/// it (the same areas), same loss — is one observation, and is fitted once; a held-out run's rows
/// that repeat a fitted row are not held out, and are left out of its metrics.
/// </summary>
internal static class SharedRows
{
    public sealed record Rows(long[] Steps, double[] Losses);

    /// <returns>Each log's rows to use, in the order given, and how many were dropped.</returns>
    public static (List<Rows> Kept, int Dropped) Dedupe(IReadOnlyList<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)> logs)
    {
        var seen = new Dictionary<long, List<(double Loss, AreaPoint Point)>>();
        var kept = new List<Rows>();
        int dropped = 0;
        // fitted logs first, so that a held-out run's rows are compared with every fitted one
        var order = Enumerable.Range(0, logs.Count).OrderBy(i => logs[i].HeldOut).ToList();
        var result = new Rows[logs.Count];
        foreach (int i in order)
        {
            var (plan, log, heldOut) = logs[i];
            var areas = new ScheduleAreas(plan);
            var steps = new List<long>();
            var losses = new List<double>();
            for (int r = 0; r < log.Count; r++)
            {
                long step = log.Steps[r];
                var point = areas.At(step);
                if (seen.TryGetValue(step, out var earlier) && earlier.Any(e => Same(e.Loss, log.Losses[r]) && Same(e.Point, point)))
                {
                    dropped++;
                    continue;
                }
                steps.Add(step);
                losses.Add(log.Losses[r]);
                if (!heldOut)
                {
                    if (!seen.TryGetValue(step, out var list)) seen[step] = list = [];
                    list.Add((log.Losses[r], point));
                }
            }
            result[i] = new Rows([.. steps], [.. losses]);
        }
        kept.AddRange(result);
        return (kept, dropped);
    }

    /// <summary>Equal to the last few bits: logs print losses with fewer digits than a double has,
    /// and areas of the same schedule prefix agree to rounding.</summary>
    static bool Same(double a, double b) => a == b || Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));

    static bool Same(AreaPoint a, AreaPoint b) =>
        Same(a.LearningRate, b.LearningRate) && Same(a.S1pt, b.S1pt) && Same(a.S1cpt, b.S1cpt) && Same(a.S2pt, b.S2pt) && Same(a.S2cpt, b.S2cpt);
}
