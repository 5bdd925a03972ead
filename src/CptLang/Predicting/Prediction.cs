using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Predicting;

/// <summary>
/// One run's predicted losses at the selected steps, the quantities derived from them
/// (docs/laws.md §5) and, when asked for, the labelled key steps. Built only when every law is
/// defined wherever it was evaluated: otherwise <see cref="Compute"/> returns the diagnostics
/// that say which law fails at which step, and no NaN or infinity ever reaches an output.
/// </summary>
public sealed record Prediction(EvaluationPlan Plan, LossPredictor Predictor, LossTable Table, DerivedReport Derived,
    IReadOnlyList<(long Step, string Label)>? KeySteps)
{
    /// <summary>Predicts <paramref name="plan"/> (a plan of <paramref name="compilation"/>) at the
    /// steps of <paramref name="selection"/>. A selection that does not fit the run is a
    /// <see cref="PredictionResult.RequestError"/>; a law that cannot be evaluated is an error at
    /// its declaration; a law that predicts a loss ≤ 0 is a warning (CPT3015).</summary>
    public static PredictionResult Compute(Compilation compilation, EvaluationPlan plan, StepSelection selection)
    {
        var (steps, requestError) = selection.Resolve(plan);
        if (requestError is not null) return new(null, [], requestError);

        var predictor = new LossPredictor(plan, compilation.Laws);
        var derived = DerivedQuantities.Compute(predictor);
        // the summary table shows only the key steps, but the whole sample is evaluated so that
        // an undefined or non-positive loss anywhere on it is still reported
        var keySteps = selection.KeySteps ? Predicting.KeySteps.Of(plan, derived) : null;
        if (keySteps is not null) steps = [.. steps!.Union(keySteps.Select(k => k.Step)).Order()];
        var table = predictor.Predict(steps!);
        var problems = table.Problems.Concat(derived.Problems)
            .DistinctBy(p => (p.Law, p.Kind))
            .Select(p => LawDiagnostics.Of(compilation, plan, p))
            .ToImmutableArray();
        if (problems.Length > 0) return new(null, problems, null);
        return new(new Prediction(plan, predictor, table, derived, keySteps), NonPositiveLosses(compilation, plan, table, derived), null);
    }

    /// <summary>The losses of every law at other steps (for plots), under the same guarantee:
    /// the table, or the diagnostics of the laws undefined somewhere on it.</summary>
    public (LossTable? Table, ImmutableArray<Diagnostic> Problems) At(Compilation compilation, long[] steps)
    {
        var table = Predictor.Predict(steps);
        if (table.Problems.IsEmpty) return (table, []);
        return (null, [.. table.Problems.Select(p => LawDiagnostics.Of(compilation, Plan, p))]);
    }

    /// <summary>A warning per law that predicts a loss ≤ 0 somewhere it was evaluated: such a law
    /// is outside the regime it was fitted on, and its numbers should not be trusted.</summary>
    static ImmutableArray<Diagnostic> NonPositiveLosses(Compilation compilation, EvaluationPlan plan, LossTable table, DerivedReport derived)
    {
        var warnings = ImmutableArray.CreateBuilder<Diagnostic>();
        for (int law = 0; law < table.Laws.Length; law++)
        {
            string name = table.Laws[law].Name;
            var candidates = new List<(long Step, double Loss)>();
            var losses = table.Loss(law);
            for (int row = 0; row < table.Count; row++) candidates.Add((table.Areas.StepAt(row), losses[row]));
            if (derived.Laws.FirstOrDefault(l => l.Law == name) is { } ends) candidates.Add((plan.TotalSteps, ends.AtEnd.Value));
            if (candidates.Where(c => c.Loss <= 0).OrderBy(c => c.Step).FirstOrDefault() is { Step: > 0 } first)
                warnings.Add(DiagnosticBuilder.At(LawDiagnostics.SpanOf(compilation, name)).NonPositiveLoss(name, plan.Run, first.Loss, first.Step));
        }
        return warnings.ToImmutable();
    }
}

/// <summary>A prediction, or why there is none.</summary>
/// <param name="Diagnostics">Problems of the file's laws (errors when <paramref name="Prediction"/>
/// is null, else warnings), at their declarations in the compilation's text.</param>
/// <param name="RequestError">The selection does not fit the run (a step outside it, too many
/// rows): a problem of the request, not of the file.</param>
public sealed record PredictionResult(Prediction? Prediction, ImmutableArray<Diagnostic> Diagnostics, Diagnostic? RequestError);
