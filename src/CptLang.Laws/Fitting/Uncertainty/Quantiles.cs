namespace CptLang.Laws.Fitting.Uncertainty;

/// <summary>Sample quantiles, interpolated linearly between order statistics (type 7, numpy's default).</summary>
internal static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile of <paramref name="sorted"/> (ascending, not empty).</summary>
    public static double Of(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int below = (int)Math.Floor(h);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
