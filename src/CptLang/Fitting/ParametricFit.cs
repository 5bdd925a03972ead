using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Fitting;
using CptLang.Laws.Fitting.Uncertainty;
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
        IReadOnlyList<(FitRun Run, bool HeldOut)> runs, DiagnosticBuilder lawAt, int replicates = UncertaintyEstimator.DefaultReplicates,
        double? lambda = null)
    {
        var fitted = runs.Where(r => !r.HeldOut).Select(r => r.Run).ToList();
        var result = LawFitter.Fit(form, fitted, fixedValues);
        var parameters = new LawParameters(form.Form, result.Parameters.Names.ToDictionary(n => n, n => LawBlockText.Rounded(result.Parameters[n])))
        {
            Lambda = lambda,
        };
        var values = parameters.Values.ToArray();
        double objective = new HuberObjective(form, fitted, Enumerable.Repeat(double.NaN, form.Count).ToList()).ValueAt(values);
        if (!double.IsFinite(objective)) return new(null, null, [lawAt.FitFailed(law)]);
        var warnings = Warnings(law, result, form, fitted, fixedValues, lawAt).ToList();

        var heldOut = runs.Where(r => r.HeldOut).Select(r => r.Run).ToList();
        var predicted = runs.Select(r => form.Losses(values, r.Run)).ToArray();
        var uncertainty = replicates > 0
            ? Uncertainty(form, fitted, values, fixedValues,
                result.OnBound.Concat(result.Unobserved).Concat(Confounded(form, fitted, result, fixedValues).Select(c => c.Parameter))
                    .Concat(ConstantPower(result, fixedValues) ? [LawParameterNames.A] : []),
                replicates, result.Regularisation?.Strength ?? 0)
            : null;
        var outcome = new FitOutcome(law, LawForms.Keyword(form.Form),
            [.. parameters.Names.Select(n => KeyValuePair.Create(n, parameters[n]))], LawBlockText.Block(law, parameters, uncertainty),
            objective, "Huber, delta 1e-3, on ln loss", result.Points, result.FreeParameters, result.Starts,
            [.. runs.Select(r => new RunFit(r.Run.Name, r.HeldOut, FitMetrics.Of(form, values, [r.Run])))],
            FitMetrics.Of(form, values, fitted), heldOut.Count > 0 ? FitMetrics.Of(form, values, heldOut) : null,
            form.Form == LawForm.ModelSize ? SizeNote(parameters, fitted[0].Name) : null)
        {
            Notes = result.Regularisation is { } r ? [RegularisationNote(r)] : [],
            Regularisation = result.Regularisation,
            Uncertainty = uncertainty,
        };
        return new(outcome, predicted, warnings);
    }

    /// <summary>The parameters' uncertainty (docs/laws.md §9.1) around the written values, with the
    /// fixed and run-implied parameters held, and those the logs do not determine (on a bound,
    /// CPT3101; unobserved or confounded with another, CPT3102): a bootstrap cannot spread a
    /// parameter the fit pins to a bound or leaves arbitrary (of a confounded pair the other one
    /// carries the product's spread). Rounded as the block writes it.</summary>
    static ParameterUncertainty? Uncertainty(FitForm form, List<FitRun> fitted, double[] values, Dictionary<string, double> fixedValues,
        IEnumerable<string> undetermined, int replicates, double priorStrength)
    {
        var held = ByIndex(form, fixedValues);
        foreach (var name in undetermined) held[form.Names.IndexOf(name)] = values[form.Names.IndexOf(name)];
        foreach (var (name, value) in form.Implied(fitted)) held[form.Names.IndexOf(name)] = value;
        var estimate = UncertaintyEstimator.Estimate(form, fitted, values, held, replicates, priorStrength: priorStrength);
        return estimate is null ? null : UncertaintyRounding.AsWritten(estimate);
    }

    /// <summary>One line: the prior, its strength and how that was chosen (docs/laws.md §9).</summary>
    internal static string RegularisationNote(FitRegularisation r)
    {
        string Number(double x) => DisplayFormat.Number(x);
        var terms = string.Join(", ", r.Prior.Terms.Select(t => t.Log
            ? $"{t.Name} {Number(Math.Exp(t.Centre))} within a factor {Number(Math.Round(Math.Exp(t.Scale), 2))}"
            : $"{t.Name} {Number(t.Centre)} ± {Number(t.Scale)}"));
        string how = r.Scores.Count == 0
            ? "the default (fewer than two fitted runs to leave one out)"
            : "chosen by leave-one-run-out MAE (" + string.Join(", ", r.Scores.Select(s => $"{Number(s.Strength)}: {(double.IsNaN(s.Mae) ? "-" : s.Mae.ToString("F5", System.Globalization.CultureInfo.InvariantCulture))}")) + ")";
        return $"regularised by a prior from {r.Prior.Source} ({terms}), strength {Number(r.Strength)}, {how}";
    }

    /// <summary>What logs would determine each unobserved parameter, grouped.</summary>
    static string Remedies(IEnumerable<string> unobserved)
    {
        var groups = new List<string>();
        var names = unobserved.ToHashSet();
        void Group(string[] members, string logs)
        {
            var present = members.Where(names.Contains).ToList();
            if (present.Count > 0) groups.Add($"{logs} (for {string.Join(", ", present)})");
        }
        Group([LawParameterNames.C2, LawParameterNames.B, LawParameterNames.E, LawParameterNames.Beta], "logs of runs with a domain switch");
        Group([LawParameterNames.A1, LawParameterNames.A2], "logs of runs that replay pre-training data, at two or more ratios");
        Group([LawParameterNames.F, LawParameterNames.Gamma1, LawParameterNames.Gamma2, LawParameterNames.Gamma3], "logs of runs of other model sizes");
        var rest = names.Except([LawParameterNames.C2, LawParameterNames.B, LawParameterNames.E, LawParameterNames.Beta,
            LawParameterNames.A1, LawParameterNames.A2, LawParameterNames.F, LawParameterNames.Gamma1, LawParameterNames.Gamma2, LawParameterNames.Gamma3]).ToList();
        if (rest.Count > 0) groups.Add($"logs of runs whose schedules differ where {string.Join(", ", rest)} matter");
        return string.Join("; ", groups);
    }

    /// <summary>Per parameter of <paramref name="form"/>: its fixed value, or NaN when it is fitted.</summary>
    static double[] ByIndex(FitForm form, Dictionary<string, double> fixedValues) =>
        [.. form.Names.Select(n => fixedValues.TryGetValue(n, out double v) ? v : double.NaN)];

    /// <summary>True when the fit put alpha on 0 with L0 and A both fitted: the power term is then
    /// the constant A, and only L0 + A is determined (the bootstrap holds A; L0 carries the spread).</summary>
    static bool ConstantPower(FitResult result, Dictionary<string, double> fixedValues) =>
        result.OnBound.Contains(LawParameterNames.Alpha) && result.Parameters[LawParameterNames.Alpha] == 0
        && result.Parameters.TryGet(LawParameterNames.L0, out _) && result.Parameters.TryGet(LawParameterNames.A, out _)
        && !fixedValues.ContainsKey(LawParameterNames.A) && !fixedValues.ContainsKey(LawParameterNames.L0);

    /// <summary>The replay form's parameters the fitted runs confound with another, and why
    /// (<see cref="FitDiagnostics.Confounded"/>).</summary>
    static IEnumerable<(string Parameter, string With, string Why)> Confounded(FitForm form, List<FitRun> fitted, FitResult result,
        Dictionary<string, double> fixedValues) =>
        FitDiagnostics.Confounded(form, fitted, ByIndex(form, fixedValues), result.Unobserved)
            .Select(c => (c.Parameter, c.With, c.Ratio == 0 ? "no fitted run replays" : $"every fitted run replays {DisplayFormat.Number(c.Ratio * 100)}%"));

    /// <summary>A remedy for parameters on a bound when a fitted run's loss rises during its
    /// pre-training: the law falls as the LR area grows, so it cannot follow such rows, and
    /// adding runs does not help; fitting the rows after the switch does.</summary>
    static string? RisingPretraining(List<FitRun> fitted)
    {
        foreach (var run in fitted)
        {
            int n = Math.Min(run.FirstContinualRow, run.Count);
            if (n < 4) continue;
            // the second half of pre-training, past the steep start
            int from = n / 2;
            double first = run.Losses[from], last = run.Losses[n - 1];
            if (last > first * 1.02)
                return $"the logged loss of run '{run.Name}' rises during pre-training ({DisplayFormat.Number(first)} at step {DisplayFormat.Steps(run.StepAt(from))}, " +
                       $"{DisplayFormat.Number(last)} at step {DisplayFormat.Steps(run.StepAt(n - 1))}), which the law cannot follow (it falls as the LR area grows), " +
                       "so those rows push its parameters to the bounds and more runs will not help; judge the fit by the rows after the switch " +
                       "and by held-out runs, or fit only those rows with --after-switch";
        }
        return null;
    }

    /// <summary>The block predicts for one size; say which, so the user knows to change N.</summary>
    static string SizeNote(LawParameters parameters, string run) =>
        $"N = {DisplayFormat.Number(parameters[LawParameterNames.N])}M is the size of run '{run}', the first fitted run; change N in the block to predict another model size";

    static IEnumerable<Diagnostic> Warnings(string law, FitResult result, FitForm form, List<FitRun> fitted, Dictionary<string, double> fixedValues,
        DiagnosticBuilder at)
    {
        if (form.Form == LawForm.ModelSize && SizeFitForm.SingleSize(fitted))
            yield return at.FitSingleModelSize(law, DisplayFormat.Number(fitted[0].ModelSize!.Value));
        if (result.Points < result.FreeParameters) yield return at.FitFewPoints(law, result.Points, result.FreeParameters);
        if (result.Unobserved.Length > 0) yield return at.FitUnobserved(law, string.Join(", ", result.Unobserved), Remedies(result.Unobserved));
        foreach (var (parameter, with, why) in Confounded(form, fitted, result, fixedValues))
            yield return at.FitConfounded(law, parameter, with, why, "logs of runs with another replay ratio (no replay counts as one)");
        string? rising = RisingPretraining(fitted);
        foreach (var name in result.OnBound.Except(result.Unobserved))
        {
            var bound = form.Bounds[form.Names.IndexOf(name)];
            // the replay factors' parameters are set by the replay ratios, not by the schedules
            string? remedy = name is LawParameterNames.A1 or LawParameterNames.A2
                ? "the fitted replay ratios may not determine it: add logs of runs at other replay ratios, or fix it with --fix"
                : rising;
            yield return at.FitOnBound(law, name, result.Parameters[name], bound.Lower, bound.Upper, remedy,
                name == LawParameterNames.Alpha && ConstantPower(result, fixedValues)
                    ? "with alpha = 0 the power term A·S1^(−alpha) is the constant A, so only L0 + A is determined" : null);
        }
        if (FitDiagnostics.BetaTradesOff(result) && !result.Unobserved.Contains(LawParameterNames.Beta))
            yield return at.FitBetaTradesOff(law, result.Parameters.Form, result.Parameters[LawParameterNames.B], result.Parameters[LawParameterNames.Beta]);
    }
}
