namespace CptLang.Laws.Fitting;

/// <summary>
/// LAW.md §5's objective: <c>Σ_runs Σ_points Huber_δ(ln L_obs − ln L_pred)</c>, δ = 1e-3, with
/// its gradient. Works on the free parameters only, in search coordinates (log for log-scaled
/// ones); fixed parameters keep their values. Not thread-safe (scratch buffers): one per thread.
/// </summary>
public sealed class HuberObjective
{
    public const double Delta = 1e-3;

    /// <summary>Below this predicted loss, <c>ln</c> continues as its tangent, so that the
    /// objective stays finite and smooth where a trial point predicts a loss ≤ 0.</summary>
    const double Floor = 1e-6;

    readonly FitForm form;
    readonly IReadOnlyList<FitRun> runs;
    readonly double[] parameters, gradient, logObserved;
    readonly int[] free;

    /// <param name="fixedValues">Per parameter of <paramref name="form"/>: its fixed value, or
    /// NaN when it is fitted.</param>
    public HuberObjective(FitForm form, IReadOnlyList<FitRun> runs, IReadOnlyList<double> fixedValues)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(runs);
        if (fixedValues.Count != form.Count) throw new ArgumentException($"{fixedValues.Count} values for {form.Count} parameters", nameof(fixedValues));
        this.form = form;
        this.runs = runs;
        parameters = [.. fixedValues];
        free = [.. Enumerable.Range(0, form.Count).Where(i => double.IsNaN(fixedValues[i]))];
        gradient = new double[form.Count];
        logObserved = [.. runs.SelectMany(r => r.Losses).Select(l => Math.Log(l))];
        Points = logObserved.Length;
    }

    public FitForm Form => form;

    /// <summary>The indices of the fitted parameters.</summary>
    public IReadOnlyList<int> Free => free;

    public int Points { get; }

    /// <summary>All parameters (natural units) for the free ones at <paramref name="search"/>.</summary>
    public double[] Parameters(ReadOnlySpan<double> search)
    {
        var all = (double[])parameters.Clone();
        for (int k = 0; k < free.Length; k++) all[free[k]] = form.Bounds[free[k]].FromSearch(search[k]);
        return all;
    }

    /// <summary>The free parameters of <paramref name="all"/> in search coordinates.</summary>
    public double[] Search(ReadOnlySpan<double> all)
    {
        var x = new double[free.Length];
        for (int k = 0; k < free.Length; k++) x[k] = form.Bounds[free[k]].ToSearch(all[free[k]]);
        return x;
    }

    /// <summary>The objective at the free parameters <paramref name="search"/>, and its gradient
    /// with respect to them into <paramref name="searchGradient"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> search, Span<double> searchGradient)
    {
        for (int k = 0; k < free.Length; k++) parameters[free[k]] = form.Bounds[free[k]].FromSearch(search[k]);
        searchGradient.Clear();
        double sum = 0;
        int point = 0;
        foreach (var run in runs)
        {
            for (int row = 0; row < run.Count; row++, point++)
            {
                double predicted = form.Value(parameters, run, row, gradient);
                double logPredicted, dLog;
                if (predicted > Floor) { logPredicted = Math.Log(predicted); dLog = 1 / predicted; }
                else { logPredicted = Math.Log(Floor) + (predicted - Floor) / Floor; dLog = 1 / Floor; }
                double r = logObserved[point] - logPredicted;
                double dHuber;
                if (Math.Abs(r) < Delta) { sum += 0.5 * r * r; dHuber = r; }
                else { sum += Delta * Math.Abs(r) - 0.5 * Delta * Delta; dHuber = Delta * Math.Sign(r); }
                // dr/dθ = −dLog·dL/dθ
                double scale = -dHuber * dLog;
                for (int k = 0; k < free.Length; k++) searchGradient[k] += scale * gradient[free[k]];
            }
        }
        // chain rule into search coordinates: d/d(ln θ) = θ·d/dθ
        for (int k = 0; k < free.Length; k++)
            if (form.Bounds[free[k]].LogScaled) searchGradient[k] *= parameters[free[k]];
        return sum;
    }

    /// <summary>The objective at all parameters <paramref name="all"/> (natural units).</summary>
    public double ValueAt(ReadOnlySpan<double> all) => Evaluate(Search(all), new double[free.Length]);
}
