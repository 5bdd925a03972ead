using CptLang.Laws.Areas;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Fitting.Uncertainty;

/// <summary>
/// Prediction intervals for logged points (docs/laws.md §9.1). A band is the law's value times
/// <c>exp(±z·s)</c>, with <c>z</c> the standard normal quantile of the level and
/// <c>s² = gᵀ·Σ·g + σ²</c>: the variance of <c>ln L</c> from the parameters, linearised through the
/// law's analytic gradient <c>g</c> (the fitter's own column code, at the steps' areas computed
/// once), plus the observation noise. One evaluation per band instead of one per parameter
/// sample: joint samples (<see cref="SampleLogs"/>) are kept for comparisons of candidates, where
/// the shared draws are the point.
/// </summary>
public static class IntervalPredictor
{
    /// <summary>Joint parameter samples per law where samples are drawn (cptc optimize): 400 put a
    /// probability within about ±0.025 of its value, at well under a millisecond per candidate.</summary>
    public const int DefaultSamples = 400;

    /// <summary>The lower and upper ends of the band of <paramref name="law"/> at
    /// <paramref name="steps"/> (any order, within the run), around <paramref name="pointLosses"/>,
    /// the law's losses there. Where the law's value is not positive (CPT3015 warns), the band
    /// shrinks to the value.</summary>
    public static (double[] Lower, double[] Upper) Band(ScheduleAreas areas, string law, LawParameters point, ParameterUncertainty uncertainty,
        ReadOnlySpan<long> steps, ReadOnlySpan<double> pointLosses, double level)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(uncertainty);
        var (run, rowOf) = RunAt(areas.WithLambda(point.Lambda), law, steps);
        var form = FitForm.For(point.Form);
        int n = run.Count, m = uncertainty.Count;
        var loss = new double[n];
        var jacobian = new double[form.Count * n];
        form.Evaluate(point.Values.AsSpan(), run, loss, jacobian);
        // each scale in the fitter's coordinates, and the parameter it belongs to
        var index = uncertainty.Scales.Select(s => form.Names.IndexOf(s.Key)).ToArray();
        var scale = uncertainty.Scales.Select((s, k) => s.Value / form.Bounds[index[k]].ValuePerSearchUnit(point.Values[index[k]])).ToArray();
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 + level) / 2);
        var spread = new double[n];
        var g = new double[m];
        for (int r = 0; r < n; r++)
        {
            if (!(loss[r] > 0)) { spread[r] = 0; continue; }
            // d ln L / d(standardised coordinate k)
            for (int k = 0; k < m; k++)
            {
                int p = index[k];
                g[k] = form.LogGradient(jacobian, p, r, n, loss[r], point.Values[p]) * scale[k];
            }
            double variance = uncertainty.Noise * uncertainty.Noise;
            for (int k = 0; k < m; k++)
                for (int l = 0; l < m; l++) variance += g[k] * uncertainty.CorrelationOf(k, l) * g[l];
            spread[r] = double.IsFinite(variance) ? z * Math.Sqrt(variance) : 0;
        }
        var lower = new double[steps.Length];
        var upper = new double[steps.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            lower[i] = pointLosses[i] * Math.Exp(-spread[rowOf[i]]);
            upper[i] = pointLosses[i] * Math.Exp(spread[rowOf[i]]);
        }
        return (lower, upper);
    }

    /// <summary>A fit run at <paramref name="steps"/> (the fitter wants them ascending and
    /// distinct) and the row of each step.</summary>
    static (FitRun Run, int[] RowOf) RunAt(ScheduleAreas areas, string law, ReadOnlySpan<long> steps)
    {
        var sorted = steps.ToArray().Distinct().Order().ToArray();
        var rowOf = steps.ToArray().Select(s => Array.BinarySearch(sorted, s)).ToArray();
        return (FitRun.Create(areas, law, sorted, Enumerable.Repeat(1.0, sorted.Length).ToArray()), rowOf);
    }

    /// <summary><c>ln L</c> of every sample at every step (<c>[sample][step]</c>, the steps'
    /// order), and of the point itself into <paramref name="centre"/>. A sample that predicts a
    /// loss ≤ 0 counts as a very low loss (ln 1e-12), never as NaN.</summary>
    public static double[][] SampleLogs(ScheduleAreas areas, string law, LawParameters point, ParameterSamples samples,
        ReadOnlySpan<long> steps, out double[] centre)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(samples);
        var (run, rowOf) = RunAt(areas.WithLambda(point.Lambda), law, steps);
        var form = FitForm.For(point.Form);
        var loss = new double[run.Count];
        var jacobian = new double[form.Count * run.Count];

        form.Evaluate(point.Values.AsSpan(), run, loss, jacobian);
        centre = [.. rowOf.Select(r => Log(loss[r]))];
        var logs = new double[samples.Count][];
        for (int j = 0; j < samples.Count; j++)
        {
            form.Evaluate(samples.Values[j], run, loss, jacobian);
            logs[j] = [.. rowOf.Select(r => Log(loss[r]))];
        }
        return logs;
    }

    static double Log(double loss) => loss > 1e-12 && double.IsFinite(loss) ? Math.Log(loss) : Math.Log(1e-12);
}
