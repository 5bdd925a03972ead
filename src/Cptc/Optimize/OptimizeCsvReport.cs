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
        text.Append(",objective,general_loss,domain_loss,turning_outcome,turning_length,loss_potential,cpt_steps,violations\n");
        var result = outcome.Result;
        if (result.Recommended is { } best) Rows(text, problem, "recommended", [best]);
        Rows(text, problem, "best", result.Best);
        Rows(text, problem, "front", result.Front);
        Rows(text, problem, "closest", result.Closest);
        return text.ToString();
    }

    static void Rows(StringBuilder text, SweepProblem problem, string list, IReadOnlyList<CandidateResult> rows)
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
                .Append(',').Append(c.Violations.IsEmpty ? "" : '"' + string.Join("; ", c.Violations).Replace("\"", "\"\"") + '"')
                .Append('\n');
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
