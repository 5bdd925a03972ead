namespace CptLang.Laws.Fitting;

/// <summary>How well predicted losses match observed ones, on raw losses (docs/laws.md §9).</summary>
/// <param name="R2">Coefficient of determination <c>1 − SS_res/SS_tot</c> (NaN for fewer than
/// two points or a flat curve).</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mape">Mean absolute percentage error, in percent.</param>
/// <param name="Worst">Largest relative error <c>|pred − obs|/obs</c>, in percent.</param>
public sealed record FitMetrics(int Points, double R2, double Mae, double Rmse, double Mape, double Worst)
{
    public static FitMetrics Of(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        if (observed.Count != predicted.Count) throw new ArgumentException("observed and predicted differ in length", nameof(predicted));
        int n = observed.Count;
        if (n == 0) return new FitMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = observed.Average(), ssRes = 0, ssTot = 0, abs = 0, rel = 0, worst = 0;
        // squares are summed in units of the largest deviation: losses of 1e200 would overflow to
        // an RMSE of infinity (R² is a ratio, unchanged by the unit)
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.Max(scale, Math.Max(Math.Abs(predicted[i] - observed[i]), Math.Abs(observed[i] - mean)));
        if (!(scale > 0) || double.IsInfinity(scale)) scale = 1;
        for (int i = 0; i < n; i++)
        {
            double error = predicted[i] - observed[i];
            ssRes += error / scale * (error / scale);
            ssTot += (observed[i] - mean) / scale * ((observed[i] - mean) / scale);
            abs += Math.Abs(error);
            double relative = Math.Abs(error) / observed[i];
            rel += relative;
            worst = Math.Max(worst, relative);
        }
        double r2 = n >= 2 && ssTot > 0 ? 1 - ssRes / ssTot : double.NaN;
        return new FitMetrics(n, r2, abs / n, scale * Math.Sqrt(ssRes / n), 100 * rel / n, 100 * worst);
    }

    /// <summary>The metrics of <paramref name="parameters"/> on <paramref name="runs"/> pooled.</summary>
    public static FitMetrics Of(FitForm form, ReadOnlySpan<double> parameters, IEnumerable<FitRun> runs)
    {
        var observed = new List<double>();
        var predicted = new List<double>();
        foreach (var run in runs)
        {
            var loss = form.Losses(parameters, run);
            observed.AddRange(run.Losses);
            predicted.AddRange(loss);
        }
        return Of(observed, predicted);
    }
}
