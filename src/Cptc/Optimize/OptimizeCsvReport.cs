using System.Globalization;
using System.Text;
using CptLang.Laws.Derived;
using CptLang.Laws.Planning;

namespace Cptc.Optimize;

/// <summary><c>--format csv</c>: one row per reported candidate, with the list it belongs to
/// (<c>recommended</c>, <c>best</c>, <c>front</c>, <c>closest</c>) and its rank in it; axis
/// values raw (ratios as fractions, shapes by name), losses with full precision.</summary>
internal static class OptimizeCsvReport
{
    public static string Write(OptimizeOutcome outcome)
    {
        var problem = outcome.Problem;
        var text = new StringBuilder("list,rank,index");
        foreach (var axis in problem.Axes) text.Append(',').Append(AxisFormat.Name(axis));
        text.Append(",objective,general_loss,domain_loss,turning_outcome,turning_length,loss_potential,cpt_steps,violations");
        // with the parameters' uncertainty: the recommendation's intervals, on its row only
        var comparison = outcome.Comparison;
        if (comparison is not null)
        {
            text.Append(",objective_lo,objective_hi");
            foreach (var law in comparison.Losses) text.Append(',').Append(law.Law).Append("_end,").Append(law.Law).Append("_lo,").Append(law.Law).Append("_hi");
            text.Append(",p_beats_runner_up");
        }
        text.Append('\n');
        var result = outcome.Result;
        if (result.Recommended is { } best) Rows(text, problem, "recommended", [best], comparison);
        Rows(text, problem, "best", result.Best, comparison is null ? null : Empty(comparison));
        Rows(text, problem, "front", result.Front, comparison is null ? null : Empty(comparison));
        Rows(text, problem, "closest", result.Closest, comparison is null ? null : Empty(comparison));
        return text.ToString();
    }

    /// <summary>Marks the rows that get empty interval cells.</summary>
    static CptLang.Laws.Fitting.Uncertainty.CandidateComparison Empty(CptLang.Laws.Fitting.Uncertainty.CandidateComparison c) => c with { Samples = 0 };

    static void Rows(StringBuilder text, SweepProblem problem, string list, IReadOnlyList<CandidateResult> rows,
        CptLang.Laws.Fitting.Uncertainty.CandidateComparison? comparison = null)
    {
        for (int r = 0; r < rows.Count; r++)
        {
            var c = rows[r];
            text.Append(list).Append(',').Append(r + 1).Append(',').Append(c.Index.ToString(CultureInfo.InvariantCulture));
            for (int i = 0; i < problem.Axes.Length; i++) text.Append(',').Append(AxisFormat.Raw(problem.Axes[i], c.Values[i]));
            text.Append(',').Append(N(c.Objective)).Append(',').Append(N(c.GeneralLoss)).Append(',').Append(N(c.DomainLoss))
                .Append(',').Append(c.Turning is { } t ? OutcomeName(t.Outcome) : "")
                .Append(',').Append(c.Turning?.ContinualSteps?.ToString(CultureInfo.InvariantCulture) ?? "")
                .Append(',').Append(N(c.LossPotential)).Append(',').Append(c.CptSteps.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(c.Violations.IsEmpty ? "" : '"' + string.Join("; ", c.Violations).Replace("\"", "\"\"") + '"');
            if (comparison is { Samples: 0 })
                text.Append(',', 3 + 3 * comparison.Losses.Length);
            else if (comparison is not null)
            {
                text.Append(',').Append(N(comparison.Objective.Lower)).Append(',').Append(N(comparison.Objective.Upper));
                foreach (var law in comparison.Losses) text.Append(',').Append(N(law.Loss)).Append(',').Append(N(law.Lower)).Append(',').Append(N(law.Upper));
                text.Append(',').Append(N(comparison.BeatsRunnerUp));
            }
            text.Append('\n');
        }
    }

    public static string OutcomeName(TurningOutcome outcome) => outcome switch
    {
        TurningOutcome.Within => "within",
        TurningOutcome.NotWithinRun => "after-run",
        TurningOutcome.Never => "never",
        TurningOutcome.EndsAnnealed => "ends-annealed",
        _ => "no-rise",
    };

    static string N(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
