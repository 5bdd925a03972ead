using System.Collections.Immutable;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Fitting.Uncertainty;

/// <summary>
/// Estimates a fitted law's <see cref="ParameterUncertainty"/> (docs/laws.md §9.1):
/// <list type="number">
/// <item>the noise: the robust scale (1.4826 × MAD) of the fitted runs' residuals in <c>ln</c> loss;</item>
/// <item>a moving-block bootstrap of those residuals, each run's blocks as long as its residuals
/// stay correlated, added back to the fitted curve and refitted by one local search from the
/// fit (the grid would cost a full fit per replicate); the replicates' covariance, in search
/// coordinates, is the parameters' spread under noise like the logs';</item>
/// <item>with two or more fitted runs, a misspecification inflation: each run is predicted by a
/// refit on the others, and the bootstrap scales are multiplied by the factor at which those
/// errors, standardised by the predicted variance (parameters plus noise), have the median
/// square of a standard normal, never below 1.
/// Folds whose remaining runs leave a parameter undetermined are skipped.</item>
/// </list>
/// Deterministic: the replicates draw from seeds derived from <paramref name="seed"/>, and the
/// result does not depend on the order in which threads finish.
/// </summary>
public static class UncertaintyEstimator
{
    public const int DefaultReplicates = 100;

    /// <param name="point">The fitted parameters (natural units, the form's order).</param>
    /// <param name="fixedValues">Per parameter: its fixed value, or NaN when it was fitted.</param>
    /// <param name="priorStrength">The fit's prior strength (<see cref="FitResult.Regularisation"/>):
    /// every refit keeps the regulariser the fit itself used.</param>
    public static ParameterUncertainty? Estimate(FitForm form, IReadOnlyList<FitRun> runs, IReadOnlyList<double> point,
        IReadOnlyList<double> fixedValues, int replicates = DefaultReplicates, int seed = 1, double priorStrength = 0)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(runs);
        var free = Enumerable.Range(0, form.Count).Where(i => double.IsNaN(fixedValues[i])).ToArray();
        if (free.Length == 0 || replicates < 2 || runs.Sum(r => r.Count) <= free.Length) return null;
        var centre = point.ToArray();

        var fittedLog = runs.Select(r => form.Losses(centre, r).Select(l => Math.Log(l)).ToArray()).ToArray();
        var residuals = runs.Select((r, k) => r.Losses.Select((l, i) => Math.Log(l) - fittedLog[k][i]).ToArray()).ToArray();
        if (residuals.Any(r => r.Any(x => !double.IsFinite(x)))) return null;
        double noise = RobustScale(residuals.SelectMany(r => r));
        var blocks = residuals.Select(BlockLength).ToArray();

        // the replicates: the fitted curve plus block-resampled residuals, refitted from the fit
        var search = new double[replicates][];
        Parallel.For(0, replicates, j =>
        {
            var random = new Random(unchecked(seed * 7919 + j));
            var resampled = runs.Select((run, k) =>
            {
                var shifted = BlockResample(residuals[k], blocks[k], random);
                return run.WithLosses([.. shifted.Select((e, i) => Math.Exp(fittedLog[k][i] + e))]);
            }).ToList();
            var refit = LawFitter.RefineNear(form, resampled, centre, fixedValues, priorStrength);
            search[j] = [.. free.Select(p => form.Bounds[p].ToSearch(refit[p]))];
        });
        if (search.Any(s => s.Any(x => !double.IsFinite(x)))) return null;
        var covariance = Covariance(search, free.Length);
        if (Enumerable.Range(0, free.Length).Any(k => !(covariance[k, k] > 0))) return null;

        // scaled by √((n − 1)/n): a fold's refit sees n − 1 of the n runs (see Inflation)
        double inflation = runs.Count >= 2
            ? Math.Max(1, Inflation(form, runs, centre, fixedValues, free, covariance, noise, priorStrength) * Math.Sqrt((runs.Count - 1.0) / runs.Count))
            : 1;
        var scales = ImmutableArray.CreateBuilder<KeyValuePair<string, double>>();
        var correlation = ImmutableArray.CreateBuilder<double>();
        for (int k = 0; k < free.Length; k++)
        {
            int p = free[k];
            double sd = inflation * Math.Sqrt(covariance[k, k]);
            scales.Add(KeyValuePair.Create(form.Names[p], sd * form.Bounds[p].ValuePerSearchUnit(centre[p])));
            for (int l = 0; l < free.Length; l++)
                correlation.Add(k == l ? 1 : covariance[k, l] / Math.Sqrt(covariance[k, k] * covariance[l, l]));
        }
        double reach = runs.Where(r => r.Count > 0).Max(r => Math.Exp(r.LogS1.Max()));
        return new ParameterUncertainty(scales.ToImmutable(), correlation.ToImmutable(), noise, runs.Count, replicates, inflation) { Reach = reach };
    }

    /// <summary>The lag at which a run's residuals stop being correlated (the first lag whose
    /// autocorrelation is within white noise's ±2/√n), at least n^(1/3) (the usual block length
    /// for the mean) and at most half the run, so that a replicate mixes two or more blocks.</summary>
    internal static int BlockLength(double[] residuals)
    {
        int n = residuals.Length;
        if (n < 4) return 1;
        double mean = residuals.Average(), variance = residuals.Sum(x => (x - mean) * (x - mean));
        int lag = n / 2;
        if (variance > 0)
            for (int k = 1; k < n / 2; k++)
            {
                double c = 0;
                for (int i = k; i < n; i++) c += (residuals[i] - mean) * (residuals[i - k] - mean);
                if (c / variance < 2 / Math.Sqrt(n)) { lag = k; break; }
            }
        return Math.Clamp(Math.Max(lag, (int)Math.Ceiling(Math.Cbrt(n))), 1, Math.Max(1, n / 2));
    }

    /// <summary>A circular moving-block resample: blocks of <paramref name="length"/> consecutive
    /// residuals from random starts, laid end to end.</summary>
    static double[] BlockResample(double[] residuals, int length, Random random)
    {
        int n = residuals.Length;
        var result = new double[n];
        for (int at = 0; at < n;)
        {
            int start = random.Next(n);
            for (int i = 0; i < length && at < n; i++) result[at++] = residuals[(start + i) % n];
        }
        return result;
    }

    static double[,] Covariance(double[][] samples, int dimension)
    {
        var mean = new double[dimension];
        foreach (var s in samples) for (int k = 0; k < dimension; k++) mean[k] += s[k] / samples.Length;
        var covariance = new double[dimension, dimension];
        foreach (var s in samples)
            for (int k = 0; k < dimension; k++)
                for (int l = 0; l < dimension; l++) covariance[k, l] += (s[k] - mean[k]) * (s[l] - mean[l]) / (samples.Length - 1);
        return covariance;
    }

    /// <summary>The leave-one-run-out factor (≥ 1) on the bootstrap scales. A fold's refit sees
    /// n − 1 of the n runs, so its parameters err by about n/(n − 1) times the variance of the
    /// full fit's (information grows with the runs): the factor its errors call for is scaled by
    /// √((n − 1)/n) for the fit on all n (with 2 runs 0.71; measured in docs/laws.md §9.1).</summary>
    static double Inflation(FitForm form, IReadOnlyList<FitRun> runs, double[] centre, IReadOnlyList<double> fixedValues,
        int[] free, double[,] covariance, double noise, double priorStrength)
    {
        var errors = new List<(double Squared, double Variance)>();
        var fixedArray = fixedValues.ToArray();
        var gradient = new double[free.Length];
        for (int k = 0; k < runs.Count; k++)
        {
            var (others, run) = LeaveOneRunOut.Fold(runs, k);
            if (run is null || !FitDiagnostics.Determines(form, others, centre, fixedArray)) continue;
            var refit = LawFitter.RefineNear(form, others, centre, fixedValues, priorStrength);
            int n = run.Count;
            var loss = new double[n];
            var jacobian = new double[form.Count * n];
            form.Evaluate(refit, run, loss, jacobian);
            for (int i = 0; i < n; i++)
            {
                double error = Math.Log(run.Losses[i]) - Math.Log(loss[i]);
                if (!double.IsFinite(error)) return 1;
                // the variance of ln L from the parameters, linearised: g'Σg in search coordinates
                for (int a = 0; a < free.Length; a++) gradient[a] = form.LogGradient(jacobian, free[a], i, n, loss[i], refit[free[a]]);
                double variance = 0;
                for (int a = 0; a < free.Length; a++)
                    for (int b = 0; b < free.Length; b++)
                        variance += gradient[a] * covariance[a, b] * gradient[b];
                errors.Add((error * error, variance));
            }
        }
        if (errors.Count == 0 || errors.All(e => !(e.Variance > 0))) return 1;
        // the factor f at which the standardised squared errors e²/(f²·v + σ²) have the median of
        // a χ²(1), 0.4549: a robust match (as the Huber fit is), not pulled by the few large errors
        // right after warmup; the median falls as f grows, so bisect on log f
        double Median(double f) => Percentile([.. errors.Select(e => e.Squared / (f * f * e.Variance + noise * noise))], 0.5);
        const double ChiSquareMedian = 0.454936;
        if (Median(1) <= ChiSquareMedian) return 1;
        double low = 0, high = Math.Log(1e4);
        if (Median(Math.Exp(high)) > ChiSquareMedian) return Math.Exp(high);
        for (int i = 0; i < 60; i++)
        {
            double mid = (low + high) / 2;
            if (Median(Math.Exp(mid)) > ChiSquareMedian) low = mid; else high = mid;
        }
        return Math.Exp(high);
    }

    /// <summary>1.4826 × the median absolute deviation from the median: the standard deviation of
    /// normal residuals, unmoved by a few spikes.</summary>
    internal static double RobustScale(IEnumerable<double> values)
    {
        var x = values.ToArray();
        double median = Percentile(x, 0.5);
        return 1.482602 * Percentile([.. x.Select(v => Math.Abs(v - median))], 0.5);
    }

    static double Percentile(double[] values, double p) => Quantiles.Of([.. values.Order()], p);
}
