using System.Collections.Immutable;
using CptLang.Laws.Laws;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CptLang.Laws.Fitting;

/// <summary>
/// Fits one validation set's law to the observed losses of several runs jointly (docs/laws.md §9):
/// bounded quasi-Newton (MathNet's L-BFGS-B, <see cref="BfgsBMinimizer"/>) with analytic
/// gradients, from every start of the form's grid; the lowest objective wins. Starts run on all
/// cores; the result does not depend on their order (ties go to the earlier start).
/// </summary>
public static class LawFitter
{
    /// <summary>Tolerances and iteration limit of one local search.</summary>
    sealed record Precision(double Gradient, double Parameter, double Progress, int MaxIterations);

    /// <summary>The search from every start: enough to rank the basins.</summary>
    static readonly Precision Coarse = new(1e-9, 1e-9, 1e-12, 25);

    /// <summary>The search from the best coarse results, to full precision.</summary>
    static readonly Precision Fine = new(1e-13, 1e-13, 1e-16, 2000);

    /// <param name="fixedValues">Parameters held at a value (by name); the others are fitted.</param>
    public static FitResult Fit(FitForm form, IReadOnlyList<FitRun> runs, IReadOnlyDictionary<string, double>? fixedValues = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0 || runs.All(r => r.Count == 0)) throw new ArgumentException("no observations to fit", nameof(runs));
        var fixedByIndex = new double[form.Count];
        Array.Fill(fixedByIndex, double.NaN);
        foreach (var (name, value) in fixedValues ?? new Dictionary<string, double>())
        {
            int i = form.Names.IndexOf(name);
            if (i < 0) throw new ArgumentException($"{LawForms.ALaw(form.Form)} has no parameter {name}", nameof(fixedValues));
            fixedByIndex[i] = value;
        }
        // parameters the runs determine (Eq. 7's N); those the caller fixed keep the caller's value
        foreach (var (name, value) in form.Implied(runs))
        {
            int i = form.Names.IndexOf(name);
            if (name == LawParameterNames.N && !double.IsNaN(fixedByIndex[i]))
                throw new ArgumentException("N is each run's model size (FitRun.ModelSize), not a value to fix", nameof(fixedValues));
            if (double.IsNaN(fixedByIndex[i])) fixedByIndex[i] = value;
        }

        if (form.PriorFor(runs) is not { } prior) return MultiStart(form, runs, fixedByIndex, 0).Result;
        // nothing fitted: nothing to regularise
        if (fixedByIndex.All(double.IsFinite)) return MultiStart(form, runs, fixedByIndex, 0).Result;
        var observed = runs.Where(r => r.Count > 0).ToList();
        if (observed.Count < 2)
            return MultiStart(form, runs, fixedByIndex, prior.Default).Result with { Regularisation = new(prior, prior.Default, []) };
        return Regularised(form, observed, fixedByIndex, prior);
    }

    /// <summary>The fit at the prior strength that predicts best: at every strength of the prior's
    /// grid the law is fitted to all runs, then refitted without each run in turn (from the full
    /// fit, one local search) and scored by the mean absolute error of the loss over the rows of
    /// the run left out. The lowest score wins; scores within <see cref="Tie"/> of it are a tie,
    /// won by the stronger prior (the simpler law).</summary>
    static FitResult Regularised(FitForm form, IReadOnlyList<FitRun> runs, double[] fixedByIndex, FitPrior prior)
    {
        var strengths = prior.Strengths;
        var full = new (FitResult Result, double[] Search)[strengths.Count];
        int origin = strengths.ToList().IndexOf(prior.Default);
        full[origin] = MultiStart(form, runs, fixedByIndex, prior.Default);
        var objective = new HuberObjective(form, runs, fixedByIndex);
        var (lower, upper) = SearchBounds(form, objective.Free);
        // the other strengths continue from their neighbour towards the default: one local search each
        foreach (int k in Enumerable.Range(0, origin).Reverse().Concat(Enumerable.Range(origin + 1, strengths.Count - origin - 1)))
        {
            objective.PriorStrength = strengths[k];
            var from = full[k < origin ? k + 1 : k - 1].Search;
            var search = Minimise(objective, from, lower, upper, Fine).Search;
            var parameters = objective.Parameters(search);
            full[k] = (Result(form, runs, fixedByIndex, parameters, DataValue(objective, parameters), full[origin].Result.Starts), search);
        }
        var errors = new (double Sum, int Rows)[strengths.Count, runs.Count];
        var fits = full.Select(f => objective.Parameters(f.Search)).ToArray();
        var folds = Enumerable.Range(0, runs.Count).Select(i => LeaveOneRunOut.Fold(runs, i)).ToArray();
        Parallel.For(0, strengths.Count * runs.Count, job =>
        {
            int k = job / runs.Count, i = job % runs.Count;
            if (folds[i].Predicted is not { } predicted) return;
            var refit = RefineNear(form, folds[i].Fitted, fits[k], fixedByIndex, strengths[k]);
            errors[k, i] = (form.AbsoluteError(refit, predicted), predicted.Count);
        });
        var scores = Enumerable.Range(0, strengths.Count).Select(k =>
        {
            double sum = 0;
            int rows = 0;
            for (int i = 0; i < runs.Count; i++) { sum += errors[k, i].Sum; rows += errors[k, i].Rows; }
            double mae = sum / rows;
            return new PriorScore(strengths[k], double.IsFinite(mae) ? mae : double.NaN);
        }).ToList();
        var finite = scores.Where(s => double.IsFinite(s.Mae)).ToList();
        int chosen = origin;
        if (finite.Count > 0)
        {
            double best = finite.Min(s => s.Mae);
            chosen = scores.FindLastIndex(s => s.Mae <= best * (1 + Tie));
        }
        return full[chosen].Result with { Regularisation = new(prior, strengths[chosen], scores) };
    }

    /// <summary>Scores of the prior strengths within this fraction of the best are a tie.</summary>
    public const double Tie = 0.01;

    static (Vector<double> Lower, Vector<double> Upper) SearchBounds(FitForm form, IReadOnlyList<int> free) =>
        (Vector<double>.Build.Dense([.. free.Select(i => form.Bounds[i].ToSearch(form.Bounds[i].Lower))]),
         Vector<double>.Build.Dense([.. free.Select(i => form.Bounds[i].ToSearch(form.Bounds[i].Upper))]));

    /// <summary>Every start searched coarsely, the best few polished; the lowest objective wins.
    /// The result's objective is the data term alone (without the prior's penalty).</summary>
    static (FitResult Result, double[] Search) MultiStart(FitForm form, IReadOnlyList<FitRun> runs, double[] fixedByIndex, double strength)
    {
        var probe = new HuberObjective(form, runs, fixedByIndex) { PriorStrength = strength };
        var free = probe.Free;
        var starts = form.Starts(runs)
            .Select(s => probe.Search(s.Select((v, i) => form.Bounds[i].Clamp(v)).ToArray()))
            .DistinctBy(x => string.Join(",", x))
            .ToList();

        var outcomes = new (double Value, double[] Search)[starts.Count];
        if (free.Count == 0)
        {
            var all = (double[])fixedByIndex.Clone();
            return (Result(form, runs, fixedByIndex, all, DataValue(probe, all), 0), []);
        }
        var (lower, upper) = SearchBounds(form, free);
        // every start is searched coarsely; the best few are then polished to full precision
        Parallel.For(0, starts.Count,
            () => new HuberObjective(form, runs, fixedByIndex) { PriorStrength = strength },
            (s, _, objective) =>
            {
                outcomes[s] = Minimise(objective, starts[s], lower, upper, Coarse);
                return objective;
            },
            _ => { });
        var polish = Enumerable.Range(0, outcomes.Length).OrderBy(s => outcomes[s].Value).ThenBy(s => s).Take(form.Polished).ToArray();
        Parallel.For(0, polish.Length,
            () => new HuberObjective(form, runs, fixedByIndex) { PriorStrength = strength },
            (k, _, objective) =>
            {
                int s = polish[k];
                var refined = Minimise(objective, outcomes[s].Search, lower, upper, Fine);
                if (refined.Value <= outcomes[s].Value) outcomes[s] = refined;
                return objective;
            },
            _ => { });

        int best = 0;
        for (int s = 1; s < outcomes.Length; s++)
            if (outcomes[s].Value < outcomes[best].Value) best = s;
        var parameters = probe.Parameters(outcomes[best].Search);
        double value = strength == 0 ? outcomes[best].Value : DataValue(probe, parameters);
        return (Result(form, runs, fixedByIndex, parameters, value, starts.Count), outcomes[best].Search);
    }

    /// <summary>The objective without the prior's penalty.</summary>
    static double DataValue(HuberObjective objective, double[] all)
    {
        double strength = objective.PriorStrength;
        objective.PriorStrength = 0;
        double value = objective.ValueAt(all);
        objective.PriorStrength = strength;
        return value;
    }

    /// <summary>One local search from <paramref name="start"/> (all parameters, natural units),
    /// no grid: the refit of a bootstrap replicate or of a leave-one-run-out fold, which starts
    /// at the full fit's optimum (docs/laws.md §9.1). At most <paramref name="maxIterations"/>
    /// quasi-Newton steps.</summary>
    public static double[] Refine(FitForm form, IReadOnlyList<FitRun> runs, ReadOnlySpan<double> start, IReadOnlyList<double> fixedValues,
        double priorStrength = 0, int maxIterations = 200)
    {
        ArgumentNullException.ThrowIfNull(form);
        var objective = new HuberObjective(form, runs, fixedValues) { PriorStrength = priorStrength };
        var free = objective.Free;
        if (free.Count == 0) return start.ToArray();
        var clamped = new double[form.Count];
        for (int i = 0; i < form.Count; i++) clamped[i] = form.Bounds[i].Clamp(start[i]);
        var lower = Vector<double>.Build.Dense([.. free.Select(i => form.Bounds[i].ToSearch(form.Bounds[i].Lower))]);
        var upper = Vector<double>.Build.Dense([.. free.Select(i => form.Bounds[i].ToSearch(form.Bounds[i].Upper))]);
        var (_, search) = Minimise(objective, objective.Search(clamped), lower, upper, Fine with { MaxIterations = maxIterations });
        return objective.Parameters(search);
    }

    /// <summary>The minimum near <paramref name="start"/> (a bootstrap replicate's or a fold's,
    /// from the fit): Levenberg–Marquardt (<see cref="GaussNewtonRefit"/>), which needs a tenth of
    /// the evaluations, or <see cref="Refine"/> where it does not converge.</summary>
    public static double[] RefineNear(FitForm form, IReadOnlyList<FitRun> runs, ReadOnlySpan<double> start, IReadOnlyList<double> fixedValues,
        double priorStrength = 0) =>
        GaussNewtonRefit.Minimise(form, runs, start, fixedValues, priorStrength) ?? Refine(form, runs, start, fixedValues, priorStrength);

    /// <summary>One local search. A search that stops early (iteration limit, failed line search)
    /// keeps the best point it evaluated: the multi-start compares honest objective values.</summary>
    static (double Value, double[] Search) Minimise(HuberObjective objective, double[] start, Vector<double> lower, Vector<double> upper, Precision precision)
    {
        double bestValue = double.PositiveInfinity;
        double[] bestPoint = start;
        var gradient = new double[start.Length];
        var function = ObjectiveFunction.Gradient((Vector<double> x) =>
        {
            var point = x.ToArray();
            double value = objective.Evaluate(point, gradient);
            if (!double.IsFinite(value)) return (double.MaxValue, Vector<double>.Build.Dense(point.Length));
            if (value < bestValue) { bestValue = value; bestPoint = point; }
            return (value, Vector<double>.Build.DenseOfArray((double[])gradient.Clone()));
        });
        var minimizer = new BfgsBMinimizer(precision.Gradient, precision.Parameter, precision.Progress, precision.MaxIterations);
        try
        {
            minimizer.FindMinimum(function, lower, upper, Vector<double>.Build.DenseOfArray(start));
        }
        catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or OptimizationException or ArgumentException)
        {
            // keep the best point seen so far
        }
        if (double.IsPositiveInfinity(bestValue)) bestValue = objective.Evaluate(start, gradient);
        return (bestValue, bestPoint);
    }

    static FitResult Result(FitForm form, IReadOnlyList<FitRun> runs, double[] fixedByIndex, double[] found, double objective, int starts)
    {
        var names = form.Names;
        // a search that runs into a bound stops a rounding error short of it (L0 = 2.7e-48):
        // report the bound itself, which the objective cannot tell apart
        var parameters = found.Select((value, i) => double.IsNaN(fixedByIndex[i]) ? form.Bounds[i].Snap(value) : value).ToArray();
        var fitted = new LawParameters(form.Form, names.Select((n, i) => (n, parameters[i])).ToDictionary(p => p.n, p => p.Item2));
        var onBound = names.Where((n, i) => double.IsNaN(fixedByIndex[i]) && form.Bounds[i].IsOnBound(parameters[i])).ToImmutableArray();
        return new FitResult(fitted, objective, runs.Sum(r => r.Count), fixedByIndex.Count(double.IsNaN), starts, onBound,
            FitDiagnostics.Unobserved(form, runs, parameters, fixedByIndex));
    }
}
