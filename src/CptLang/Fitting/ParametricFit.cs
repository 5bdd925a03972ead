using CptLang.Diagnostics;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;

namespace CptLang.Fitting;

/// <summary>One fit's result before it is written: the outcome and each run's predicted losses,
/// or why there is none.</summary>
internal sealed record FitComputation(FitOutcome? Outcome, double[][]? Predicted, IReadOnlyList<Diagnostic> Problems, Diagnostic? RequestError = null);

/// <summary>
/// Fits a parametric law (Huber on log loss, L-BFGS-B; docs/laws.md §9) and reports it as
/// written: parameters rounded to the digits of the block, objective and metrics computed from
/// those, so that the numbers cptc prints are those of the law it writes.
/// </summary>
internal static class ParametricFit
{
    public static FitComputation Fit(string law, FitForm form, Dictionary<string, double> fixedValues,
        IReadOnlyList<(FitRun Run, bool HeldOut)> runs, DiagnosticBuilder lawAt)
    {
        var fitted = runs.Where(r => !r.HeldOut).Select(r => r.Run).ToList();
        var result = LawFitter.Fit(form, fitted, fixedValues);
        var parameters = new LawParameters(form.Form, result.Parameters.Names.ToDictionary(n => n, n => LawBlockText.Rounded(result.Parameters[n])));
        var values = parameters.Values.ToArray();
        double objective = new HuberObjective(form, fitted, Enumerable.Repeat(double.NaN, form.Count).ToList()).ValueAt(values);
        if (!double.IsFinite(objective)) return new(null, null, [lawAt.FitFailed(law)]);
        var warnings = Warnings(law, result, form, fitted, lawAt).ToList();

        var heldOut = runs.Where(r => r.HeldOut).Select(r => r.Run).ToList();
        var predicted = runs.Select(r =>
        {
            var loss = new double[r.Run.Count];
            form.Evaluate(values, r.Run, loss, new double[form.Count * r.Run.Count]);
            return loss;
        }).ToArray();
        var outcome = new FitOutcome(law, LawForms.Keyword(form.Form),
            [.. parameters.Names.Select(n => KeyValuePair.Create(n, parameters[n]))], LawBlockText.Block(law, parameters),
            objective, "Huber, delta 1e-3, on ln loss", result.Points, result.FreeParameters, result.Starts,
            [.. runs.Select(r => new RunFit(r.Run.Name, r.HeldOut, FitMetrics.Of(form, values, [r.Run])))],
            FitMetrics.Of(form, values, fitted), heldOut.Count > 0 ? FitMetrics.Of(form, values, heldOut) : null,
            form.Form == LawForm.ModelSize ? SizeNote(parameters, fitted[0].Name) : null);
        return new(outcome, predicted, warnings);
    }

    /// <summary>The block predicts for one size; say which, so the user knows to change N.</summary>
    static string SizeNote(LawParameters parameters, string run) =>
        $"N = {DisplayFormat.Number(parameters[LawParameterNames.N])}M is the size of run '{run}', the first fitted run; change N in the block to predict another model size";

    static IEnumerable<Diagnostic> Warnings(string law, FitResult result, FitForm form, List<FitRun> fitted, DiagnosticBuilder at)
    {
        if (form.Form == LawForm.ModelSize && SizeFitForm.SingleSize(fitted))
            yield return at.FitSingleModelSize(law, DisplayFormat.Number(fitted[0].ModelSize!.Value));
        if (result.Points < result.FreeParameters) yield return at.FitFewPoints(law, result.Points, result.FreeParameters);
        if (result.Unobserved.Length > 0) yield return at.FitUnobserved(law, string.Join(", ", result.Unobserved));
        foreach (var name in result.OnBound.Except(result.Unobserved))
        {
            var bound = form.Bounds[form.Names.IndexOf(name)];
            yield return at.FitOnBound(law, name, result.Parameters[name], bound.Lower, bound.Upper);
        }
        if (FitDiagnostics.ShiftTradesOff(result) && !result.Unobserved.Contains(LawParameterNames.Beta))
            yield return at.FitShiftTradesOff(law, result.Parameters[LawParameterNames.B], result.Parameters[LawParameterNames.Beta]);
    }
}
