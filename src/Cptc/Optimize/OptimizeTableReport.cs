using System.Globalization;
using CptLang.Diagnostics;
using CptLang.Laws.Derived;
using CptLang.Laws.Planning;
using Spectre.Console;

namespace Cptc.Optimize;

/// <summary>
/// <c>--format table</c>: the recommendation first, then the best candidates, the Pareto front of
/// general vs domain loss, and (with --turning) the turning-length table. Plain text, no colours.
/// </summary>
internal static class OptimizeTableReport
{
    /// <summary>Front points shown in the table (all of them go to csv and json).</summary>
    public const int FrontRows = 12;
    const int LossDigits = 4;

    public static string Write(OptimizeOutcome outcome)
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = PlainTextConsole.Create(output);
        var problem = outcome.Problem;
        var result = outcome.Result;

        output.WriteLine($"sweep of run {outcome.Sweep.Run}: {DisplayFormat.Steps(outcome.Candidates)} candidates ({string.Join(" × ", problem.Axes.Select(a => $"{AxisFormat.Name(a)} {a.Count}"))})");
        output.WriteLine($"evaluated {DisplayFormat.Steps(result.Evaluated)}, {DisplayFormat.Steps(result.Feasible)} meet the requirements"
            + (result.Invalid > 0 ? $"; {DisplayFormat.Steps(result.Invalid)} left out ({result.InvalidReason})" : ""));
        output.WriteLine($"objective: minimise {problem.Objective} at the end of the run");
        if (!problem.Constraints.IsEmpty)
            output.WriteLine($"requirements: {string.Join("; ", problem.Constraints.Select(c => c.Describe()))}");
        output.WriteLine();

        if (result.Recommended is { } best)
        {
            output.WriteLine(result.Refined is not null ? "recommended (refined between grid points):" : "recommended:");
            output.WriteLine("  " + string.Join("  ", problem.Axes.Select((a, i) => $"{AxisFormat.Name(a)} {AxisFormat.Value(a, best.Values[i])}")));
            output.WriteLine("  " + Summary(outcome, best));
            if (best.Turning is { } t) output.WriteLine("  " + CriticalPoint(t));
            if (outcome.Comparison is { } comparison) foreach (var line in Uncertainty(outcome, comparison)) output.WriteLine("  " + line);
            output.WriteLine();
            output.WriteLine($"best {result.Best.Length} grid candidates:");
            console.Write(Candidates(outcome, result.Best, rank: true));
            output.WriteLine();
            if (!result.Front.IsEmpty)
            {
                var front = Thin(result.Front, FrontRows);
                output.WriteLine($"Pareto front, {outcome.GeneralLaw} vs {outcome.DomainLaw} at the end ({DisplayFormat.Steps(result.Front.Length)} runs no other beats on both"
                    + (front.Count < result.Front.Length ? $"; {front.Count} shown, all in --format csv/json" : "") + "):");
                console.Write(Candidates(outcome, front, rank: false));
            }
        }
        else if (!result.Closest.IsEmpty)
        {
            output.WriteLine("no candidate meets every requirement; the closest ones:");
            console.Write(Candidates(outcome, result.Closest, rank: true, violations: true));
        }

        if (outcome.Turning is { } cells)
        {
            output.WriteLine();
            output.WriteLine($"turning length of {outcome.GeneralLaw} (CPT steps until it is back at its value at the switch), other axes as recommended:");
            console.Write(TurningTable(problem, cells));
        }
        return string.Join("\n", output.ToString().Split('\n').Select(line => line.TrimEnd()));
    }

    static string Summary(OptimizeOutcome outcome, CandidateResult c)
    {
        var parts = new List<string> { $"objective {Loss(c.Objective)}" };
        if (outcome.GeneralLaw is { } g && c.GeneralLoss is double gl) parts.Add($"{g} {Loss(gl)}");
        if (outcome.DomainLaw is { } d && c.DomainLoss is double dl) parts.Add($"{d} {Loss(dl)}");
        if (c.Turning is { } t) parts.Add($"turning length {Turning(t)}");
        if (c.LossPotential is double lp) parts.Add($"loss potential {lp.ToString("0.###", CultureInfo.InvariantCulture)}");
        parts.Add($"{DisplayFormat.Steps(c.CptSteps)} CPT steps");
        return string.Join(", ", parts);
    }

    /// <summary>CPT §4.4 in one line: can the general loss come back, and to what level.</summary>
    /// <summary>The recommendation's losses as intervals and P(it beats the runner-up).</summary>
    static IEnumerable<string> Uncertainty(OptimizeOutcome outcome, CptLang.Laws.Fitting.Uncertainty.CandidateComparison c)
    {
        string level = (c.Level * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        string Band(CptLang.Laws.Fitting.Uncertainty.LossInterval i) => $"{i.Law} {Loss(i.Loss)} [{Loss(i.Lower)}, {Loss(i.Upper)}]";
        yield return $"{level} % intervals from the laws' parameter uncertainty: {string.Join(", ", c.Losses.Select(Band))}; {Band(c.Objective)}";
        if (c.BeatsRunnerUp is { } p && outcome.RunnerUp is { } runnerUp)
            yield return $"P(beats the runner-up, {string.Join("  ", outcome.Problem.Axes.Select((a, i) => $"{AxisFormat.Name(a)} {AxisFormat.Value(a, runnerUp.Values[i])}"))}) = " +
                $"{p.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} over {c.Samples} joint parameter samples";
    }

    static string CriticalPoint(TurningLength t) => t.Outcome switch
    {
        TurningOutcome.Never => $"{t.Law} never comes back to its switch value {Loss(t.SwitchLoss)}: its long-run limit {Loss(t.LongRunLimit)} is above it",
        TurningOutcome.NoRise => $"{t.Law} does not rise above its switch value {Loss(t.SwitchLoss)}",
        _ => $"{t.Law} can come back: switch value {Loss(t.SwitchLoss)}, long-run limit {Loss(t.LongRunLimit)}",
    };

    public static string Turning(TurningLength t) => t.Outcome switch
    {
        TurningOutcome.Within => $"{DisplayFormat.Steps(t.ContinualSteps!.Value)} steps",
        TurningOutcome.NotWithinRun => t.ContinualSteps is long s ? $"after the run ({DisplayFormat.Steps(s)} steps)" : "after the run",
        TurningOutcome.Never => "never",
        TurningOutcome.EndsAnnealed => "not within the run (ends at LR 0)",
        _ => "no rise",
    };

    static Table Candidates(OptimizeOutcome outcome, IReadOnlyList<CandidateResult> rows, bool rank, bool violations = false)
    {
        var problem = outcome.Problem;
        var table = new Table().Border(TableBorder.Simple);
        if (rank) table.AddColumn(new TableColumn("#").RightAligned());
        foreach (var axis in problem.Axes) table.AddColumn(new TableColumn(AxisFormat.Name(axis)).RightAligned());
        table.AddColumn(new TableColumn("objective").RightAligned());
        if (outcome.GeneralLaw is { } g) table.AddColumn(new TableColumn(g).RightAligned());
        if (outcome.DomainLaw is { } d) table.AddColumn(new TableColumn(d).RightAligned());
        table.AddColumn(new TableColumn("turning length").RightAligned());
        table.AddColumn(new TableColumn("loss potential").RightAligned());
        if (violations) table.AddColumn(new TableColumn("misses"));
        for (int r = 0; r < rows.Count; r++)
        {
            var c = rows[r];
            var cells = new List<string>();
            if (rank) cells.Add((r + 1).ToString(CultureInfo.InvariantCulture));
            for (int i = 0; i < problem.Axes.Length; i++) cells.Add(AxisFormat.Value(problem.Axes[i], c.Values[i]));
            cells.Add(Loss(c.Objective));
            if (outcome.GeneralLaw is not null) cells.Add(c.GeneralLoss is double gl ? Loss(gl) : "-");
            if (outcome.DomainLaw is not null) cells.Add(c.DomainLoss is double dl ? Loss(dl) : "-");
            cells.Add(c.Turning is { } t ? Turning(t) : "-");
            cells.Add(c.LossPotential is double lp ? lp.ToString("0.###", CultureInfo.InvariantCulture) : "-");
            if (violations) cells.Add(string.Join("; ", c.Violations));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        return table;
    }

    static Table TurningTable(SweepProblem problem, IReadOnlyList<TurningCell> cells)
    {
        var peakAxis = problem.Axes.FirstOrDefault(a => a.Kind == AxisKind.CptPeakLr);
        var replayAxis = problem.Axes.FirstOrDefault(a => a.Kind == AxisKind.ReplayRatio);
        var replays = cells.Select(c => c.ReplayRatio).Distinct().ToList();
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn(AxisNames.CptPeakLr).RightAligned());
        foreach (var r in replays)
            table.AddColumn(new TableColumn(r is double v && replayAxis is not null ? $"{AxisNames.Replay} {AxisFormat.Value(replayAxis, v)}" : "turning length").RightAligned());
        foreach (var row in cells.GroupBy(c => c.CptPeakLr))
        {
            var line = new List<string> { row.Key is double p && peakAxis is not null ? AxisFormat.Value(peakAxis, p) : "as recommended" };
            line.AddRange(row.Select(c => c.Turning is { } t ? Turning(t) : "-"));
            table.AddRow(line.Select(Markup.Escape).ToArray());
        }
        return table;
    }

    /// <summary>At most <paramref name="count"/> points spread evenly along the front, ends included.</summary>
    static List<CandidateResult> Thin(IReadOnlyList<CandidateResult> front, int count)
    {
        if (front.Count <= count) return [.. front];
        return [.. Enumerable.Range(0, count).Select(i => front[(int)Math.Round(i * (front.Count - 1) / (double)(count - 1))]).Distinct()];
    }

    static string Loss(double value) => Figures.Fixed(value, LossDigits);
}
