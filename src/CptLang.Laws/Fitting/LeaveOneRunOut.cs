namespace CptLang.Laws.Fitting;

/// <summary>
/// One fold of leave-one-run-out (the prior's strength, <c>--form auto</c>, the intervals'
/// inflation; docs/laws.md §9): the other runs are fitted and the run left out is predicted.
/// A row of the left-out run that another fitted run's log also holds (<see cref="FitRun.AlsoLoggedBy"/>:
/// the shared pre-training rows of CPT logs, kept once) was observed by that run too: it stays
/// in the fit, given to that run, and is not predicted. Without that, leaving out the
/// pre-training run would take every pre-training row out of the fit, and the fold would
/// extrapolate the law backwards to the first steps.
/// </summary>
public static class LeaveOneRunOut
{
    /// <summary>The fold without run <paramref name="left"/>: the runs to fit, and the left-out
    /// run's rows that no fitted run also logs (null when every row is shared).</summary>
    public static (IReadOnlyList<FitRun> Fitted, FitRun? Predicted) Fold(IReadOnlyList<FitRun> runs, int left)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfNegative(left);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(left, runs.Count);
        var run = runs[left];
        var others = runs.Where((_, i) => i != left).ToList();
        var index = others.Select((r, i) => (r.Name, i)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().i);
        var given = new List<int>[others.Count];
        var own = new List<int>();
        for (int row = 0; row < run.Count; row++)
        {
            int to = -1;
            foreach (var name in run.AlsoLoggedBy[row])
                if (index.TryGetValue(name, out int i) && (to < 0 || i < to)) to = i;
            if (to < 0) own.Add(row);
            else (given[to] ??= []).Add(row);
        }
        if (own.Count == run.Count) return (others, run);
        var fitted = others.Select((other, i) => given[i] is { } rows ? Merge(other, run, rows) : other).ToList();
        return (fitted, own.Count == 0 ? null : Subset(run, own));
    }

    /// <summary><paramref name="target"/>'s rows and <paramref name="rows"/> of <paramref name="source"/>
    /// (the same areas at those steps: the rows are the same observation), in step order.</summary>
    static FitRun Merge(FitRun target, FitRun source, List<int> rows)
    {
        var merged = Enumerable.Range(0, target.Count).Select(i => (Step: target.StepAt(i), Loss: target.Losses[i]))
            .Concat(rows.Select(i => (Step: source.StepAt(i), Loss: source.Losses[i])))
            .OrderBy(x => x.Step).ToList();
        return target.WithRows([.. merged.Select(x => x.Step)], [.. merged.Select(x => x.Loss)]);
    }

    static FitRun Subset(FitRun run, List<int> rows) =>
        run.WithRows([.. rows.Select(run.StepAt)], [.. rows.Select(i => run.Losses[i])]);
}
