using CptLang.Laws.Areas;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Fitting.Uncertainty;

/// <summary>
/// Prediction intervals for logged points (docs/laws.md §9.1): at each step, the central
/// <c>level</c> of <c>ln L(θ_j) + σ·ε_j</c> over joint parameter samples <c>θ_j</c> and noise draws
/// <c>ε_j</c>, moved onto the point prediction (so the band always holds it) and back to loss units.
/// The samples are evaluated by the fitter's own column code on the steps' areas, computed once.
/// </summary>
public static class IntervalPredictor
{
    /// <summary>Parameter samples per law: 400 put the 5 % and 95 % quantiles within about 0.1 of
    /// a standard deviation of their value (docs/laws.md §9.1), at a fraction of a predict's cost.</summary>
    public const int DefaultSamples = 400;

    /// <summary>The lower and upper ends of the band of <paramref name="law"/> at
    /// <paramref name="steps"/> (any order, within the run), around <paramref name="point"/>'s losses there.</summary>
    public static (double[] Lower, double[] Upper) Band(ScheduleAreas areas, string law, LawParameters point, ParameterSamples samples,
        ReadOnlySpan<long> steps, ReadOnlySpan<double> pointLosses, double level)
    {
        var logs = SampleLogs(areas, law, point, samples, steps, out var centre);
        var lower = new double[steps.Length];
        var upper = new double[steps.Length];
        var column = new double[samples.Count];
        double low = (1 - level) / 2, high = (1 + level) / 2;
        for (int i = 0; i < steps.Length; i++)
        {
            for (int j = 0; j < samples.Count; j++) column[j] = logs[j][i] + samples.Noise * samples.NoiseDraws[j];
            Array.Sort(column);
            lower[i] = pointLosses[i] * Math.Exp(Quantile(column, low) - centre[i]);
            upper[i] = pointLosses[i] * Math.Exp(Quantile(column, high) - centre[i]);
        }
        return (lower, upper);
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
        // the fitter's run wants ascending distinct steps; results go back to the caller's order
        var sorted = steps.ToArray().Distinct().Order().ToArray();
        var rowOf = steps.ToArray().Select(s => Array.BinarySearch(sorted, s)).ToArray();
        var run = FitRun.Create(areas, law, sorted, new double[sorted.Length].Select(_ => 1.0).ToArray());
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

    /// <summary>The <paramref name="p"/>-quantile of sorted values, interpolated linearly
    /// (type 7, as numpy's default).</summary>
    static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
