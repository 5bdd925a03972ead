using CptLang.Laws.Areas;
using CptLang.Laws.Schedules;

namespace CptLang.Fitting;

/// <summary>
/// Rows that two logs share. A CPT run's log usually starts with the pre-training rows up to its
/// checkpoint, the same rows as the pre-training run's log (docs/cli.md, <c>cptc fit</c>). A row
/// of a fitted run that repeats a row of an earlier fitted run — same step, same schedule up to
/// it (the same areas), same loss, and no other model size — is one observation, and is fitted once; a held-out run's rows
/// that repeat a fitted row are not held out, and are left out of its metrics.
/// </summary>
internal static class SharedRows
{
    /// <param name="AlsoLoggedBy">Per row, the other fitted runs whose logs hold the same row
    /// (dropped there): leaving this run out of a fold keeps the row in the fit.</param>
    public sealed record Rows(long[] Steps, double[] Losses, IReadOnlyList<string>[] AlsoLoggedBy);

    /// <param name="sizes">Each run's model size, when given (the size form): rows of models of
    /// two sizes are two observations, however alike.</param>
    /// <returns>Each log's rows to use, in the order given, and how many were dropped.</returns>
    public static (List<Rows> Kept, int Dropped) Dedupe(IReadOnlyList<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)> logs,
        IReadOnlyDictionary<string, double>? sizes = null)
    {
        double? SizeOf(string run) => sizes is not null && sizes.TryGetValue(run, out double size) ? size : null;
        var seen = new Dictionary<long, List<(double Loss, AreaPoint Point, double? Size, List<string> Sharers)>>();
        int dropped = 0;
        // fitted logs first, so that a held-out run's rows are compared with every fitted one
        var order = Enumerable.Range(0, logs.Count).OrderBy(i => logs[i].HeldOut).ToList();
        var result = new Rows[logs.Count];
        var sharers = new List<string>[logs.Count][];
        foreach (int i in order)
        {
            var (plan, log, heldOut) = logs[i];
            var areas = new ScheduleAreas(plan);
            var steps = new List<long>();
            var losses = new List<double>();
            var shared = new List<List<string>>();
            for (int r = 0; r < log.Count; r++)
            {
                long step = log.Steps[r];
                var point = areas.At(step);
                if (seen.TryGetValue(step, out var earlier) && earlier.FirstOrDefault(e => Same(e.Loss, log.Losses[r]) && Same(e.Point, point) && e.Size == SizeOf(plan.Run)) is { Sharers: { } owner })
                {
                    if (!heldOut) owner.Add(plan.Run);
                    dropped++;
                    continue;
                }
                steps.Add(step);
                losses.Add(log.Losses[r]);
                shared.Add([]);
                if (!heldOut)
                {
                    if (!seen.TryGetValue(step, out var list)) seen[step] = list = [];
                    list.Add((log.Losses[r], point, SizeOf(plan.Run), shared[^1]));
                }
            }
            result[i] = new Rows([.. steps], [.. losses], [.. shared]);
        }
        return ([.. result], dropped);
    }

    /// <summary>Equal to the last few bits: logs print losses with fewer digits than a double has,
    /// and areas of the same schedule prefix agree to rounding.</summary>
    static bool Same(double a, double b) => a == b || Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));

    static bool Same(AreaPoint a, AreaPoint b) =>
        Same(a.LearningRate, b.LearningRate) && Same(a.S1pt, b.S1pt) && Same(a.S1cpt, b.S1cpt) && Same(a.S2pt, b.S2pt) && Same(a.S2cpt, b.S2cpt);
}
