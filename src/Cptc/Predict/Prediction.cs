using CptLang;
using CptLang.Diagnostics;
using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace Cptc.Predict;

/// <summary>
/// One run's predicted losses at the requested steps, and the quantities derived from them
/// (LAW.md §4). Built only when every law is defined wherever it was evaluated: otherwise
/// <see cref="Compute"/> returns the diagnostics that say which law fails at which step, and no
/// NaN or infinity ever reaches an output.
/// </summary>
public sealed record Prediction(EvaluationPlan Plan, LossPredictor Predictor, LossTable Table, DerivedReport Derived)
{
    /// <param name="steps">The steps to evaluate, sorted; chosen once the derived quantities are
    /// known, so that a report can include the peak and the turning point.</param>
    public static (Prediction? Prediction, IReadOnlyList<Diagnostic> Problems) Compute(
        Compilation compilation, EvaluationPlan plan, Func<DerivedReport, long[]> steps)
    {
        var predictor = new LossPredictor(plan, compilation.Laws);
        var derived = DerivedQuantities.Compute(predictor);
        var table = predictor.Predict(steps(derived));
        var problems = table.Problems.Concat(derived.Problems)
            .DistinctBy(p => (p.Law, p.Kind))
            .Select(p => ToDiagnostic(compilation, plan, p))
            .ToList();
        if (problems.Count > 0) return (null, problems);
        return (new Prediction(plan, predictor, table, derived), NonPositiveLosses(compilation, plan, table, derived));
    }

    /// <summary>A warning per law that predicts a loss ≤ 0 somewhere it was evaluated: such a law
    /// is outside the regime it was fitted on, and its numbers should not be trusted.</summary>
    static List<Diagnostic> NonPositiveLosses(Compilation compilation, EvaluationPlan plan, LossTable table, DerivedReport derived)
    {
        var warnings = new List<Diagnostic>();
        for (int law = 0; law < table.Laws.Length; law++)
        {
            string name = table.Laws[law].Name;
            var candidates = new List<(long Step, double Loss)>();
            var losses = table.Loss(law);
            for (int row = 0; row < table.Count; row++) candidates.Add((table.Areas.StepAt(row), losses[row]));
            if (derived.Laws.FirstOrDefault(l => l.Law == name) is { } ends) candidates.Add((plan.TotalSteps, ends.AtEnd.Value));
            if (candidates.Where(c => c.Loss <= 0).OrderBy(c => c.Step).FirstOrDefault() is { Step: > 0 } first)
            {
                var span = compilation.Bound.Laws.FirstOrDefault(l => l.Name == name)?.Syntax.Name.Span ?? default;
                warnings.Add(DiagnosticBuilder.At(span).NonPositiveLoss(name, plan.Run, first.Loss, first.Step));
            }
        }
        return warnings;
    }

    /// <summary>The losses of every law at other steps (for plots), under the same guarantee.</summary>
    public LossTable At(long[] steps) => Predictor.Predict(steps);

    public static Diagnostic ToDiagnostic(Compilation compilation, EvaluationPlan plan, LawProblem problem)
    {
        var span = compilation.Bound.Laws.FirstOrDefault(l => l.Name == problem.Law)?.Syntax.Name.Span ?? default;
        var at = DiagnosticBuilder.At(span);
        return problem.Kind switch
        {
            LawProblemKind.MissingRole => at.ReplayLawWithoutRole(problem.Law, plan.Run),
            _ when problem.Step is { } step => at.LawUndefined(problem.Law, step, problem.Message),
            _ => at.LawCannotBeEvaluated(problem.Law, plan.Run, problem.Message),
        };
    }
}
