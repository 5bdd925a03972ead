using CptLang;
using CptLang.Diagnostics;
using CptLang.Laws.Fitting.Uncertainty;
using CptLang.Laws.Laws;
using CptLang.Predicting;

namespace Cptc.Optimize;

/// <summary>
/// The recommendation's intervals and its chance to beat the runner-up (docs/optimize.md), from
/// the objective laws' uncertainty parts. Silent when a law has none, unless <c>--interval</c>
/// asked for them: then each such law gets the warning that says why (CPT4215), and a law whose
/// fitted rows end well short of the recommended run gets CPT4216.
/// </summary>
internal static class RecommendationUncertainty
{
    public static CandidateComparison? Compare(Terminal terminal, Compilation compilation, OptimizeOutcome outcome, double level, bool explicitLevel)
    {
        if (outcome.Result.Recommended is not { } recommended) return null;
        var terms = new List<UncertainTerm>();
        var missing = new List<Diagnostic>();
        foreach (var term in outcome.Problem.Objective.Terms)
        {
            var bound = compilation.Bound.Laws.FirstOrDefault(l => l.Name == term.Law);
            if (bound is { Definition: ParametricLaw { Parameters: var point }, Uncertainty: { } uncertainty })
                terms.Add(new UncertainTerm(term.Law, term.Weight, point, uncertainty));
            else
                missing.Add(DiagnosticBuilder.At(bound?.Syntax.Name.Span ?? default).LawWithoutUncertainty(term.Law,
                    bound?.Definition is WeightedSumLaw ? "it is a weighted sum of other laws" : "its block has no `uncertainty { … }` part"));
        }
        if (missing.Count > 0)
        {
            if (explicitLevel) terminal.Report(missing, compilation.Text);
            return null;
        }
        var runnerUp = outcome.RunnerUp is { } other ? outcome.PlanOf(other) : null;
        var plan = outcome.PlanOf(recommended);
        if (explicitLevel)
        {
            // the comparison is at the run's end: say when that is past the fitted rows
            var end = new CptLang.Laws.Areas.ScheduleAreas(plan).At(plan.TotalSteps);
            terminal.Report([.. terms.Select(t => PredictionIntervals.BeyondReach(compilation, t.Law, t.Uncertainty, plan.Run, plan.TotalSteps, end.S1pt + end.S1cpt))
                .OfType<Diagnostic>()], compilation.Text);
        }
        return CandidateComparison.Compare(terms, plan, runnerUp, level);
    }
}
