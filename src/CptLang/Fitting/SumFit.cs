using CptLang.Diagnostics;
using CptLang.Predicting;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Fitting;

/// <summary>
/// The weights of an out-of-domain set (Eq. 6, <c>law ood = k1 * general + k2 * domain</c>)
/// fitted to its logs: the summed laws are the file's own, evaluated at the logged steps, and
/// the weights minimise the squared error of the sum against the logged losses.
/// </summary>
internal static class SumFit
{
    /// <returns>The outcome, or the diagnostics that say which summed law is undefined where.</returns>
    public static FitComputation Fit(
        string law, WeightedSumLaw sum, Compilation compilation, List<(EvaluationPlan Plan, FitRun Run, bool HeldOut)> runs)
    {
        var names = sum.Terms.Select(t => t.Law).Distinct().ToList();
        // the summed laws at each run's logged steps
        var termLosses = new List<double[][]>();
        foreach (var (plan, run, _) in runs)
        {
            var predictor = new LossPredictor(plan, compilation.Laws);
            var steps = Enumerable.Range(0, run.Count).Select(run.StepAt).ToArray();
            var table = predictor.Predict(steps);
            var problems = table.Problems.Where(p => names.Contains(p.Law)).ToList();
            if (problems.Count > 0) return new(null, null, [.. problems.Select(p => LawDiagnostics.Of(compilation, plan, p))]);
            termLosses.Add([.. names.Select(n => table.Loss(predictor.IndexOf(n)).ToArray())]);
        }

        var fittedRows = runs.Select((r, i) => (r, i)).Where(x => !x.r.HeldOut).ToList();
        var columns = names.Select((_, k) => fittedRows.SelectMany(x => termLosses[x.i][k]).ToArray()).ToList();
        var observed = fittedRows.SelectMany(x => x.r.Run.Losses).ToList();
        if (observed.Count < names.Count)
            return new(null, null, [], DiagnosticBuilder.At(default).FitInvalidOption(
                $"{observed.Count} logged points cannot determine the {names.Count} weights of law '{law}'", "give longer logs or more runs"));
        var (weights, _) = OodWeightFitter.Fit(columns, observed);
        var rounded = weights.Select(LawBlockText.Rounded).ToArray();

        var predicted = termLosses.Select(terms => Enumerable.Range(0, terms[0].Length)
            .Select(i => Enumerable.Range(0, names.Count).Sum(k => rounded[k] * terms[k][i])).ToArray()).ToArray();
        double sumOfSquares = fittedRows.Sum(x => x.r.Run.Losses.Select((l, i) => Math.Pow(predicted[x.i][i] - l, 2)).Sum());
        FitMetrics Pooled(bool heldOut) => FitMetrics.Of(
            [.. runs.Where(r => r.HeldOut == heldOut).SelectMany(r => r.Run.Losses)],
            [.. runs.Select((r, i) => (r, i)).Where(x => x.r.HeldOut == heldOut).SelectMany(x => predicted[x.i])]);
        var parameters = names.Select((n, k) => KeyValuePair.Create(n, rounded[k])).ToList();
        var outcome = new FitOutcome(law, "weighted-sum", parameters, LawBlockText.Sum(law, parameters),
            sumOfSquares, "least squares on raw loss, Eq. 6", observed.Count, names.Count, null,
            [.. runs.Select((r, i) => new RunFit(r.Run.Name, r.HeldOut, FitMetrics.Of(r.Run.Losses, predicted[i])))],
            Pooled(false), runs.Any(r => r.HeldOut) ? Pooled(true) : null);
        return new(outcome, predicted, []);
    }
}
