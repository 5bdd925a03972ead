using CptLang.Fitting;
using CptLang.Laws.Fitting;
using ScottPlot;

namespace Cptc.Fit;

/// <summary>
/// <c>cptc fit --plot PNG</c>: per run, the logged losses (dots) and the fitted law at the same
/// steps (a line; dashed for held-out runs, which the law predicts), and underneath the
/// residuals <c>predicted − logged</c>.
/// </summary>
internal static class FitPlot
{
    public const int Width = 1100, Height = 850;

    /// <param name="runs">Each run's observations, whether it was held out, and the law's loss at
    /// its observed steps.</param>
    public static byte[] Render(string law, IReadOnlyList<(FitRun Run, bool HeldOut, double[] Predicted)> runs)
        => Build(law, runs).RenderPng(Width, Height);

    /// <summary>The figure, not yet rendered (tests look at its layout).</summary>
    public static StackedPlots Build(string law, IReadOnlyList<(FitRun Run, bool HeldOut, double[] Predicted)> runs)
    {
        var plots = new StackedPlots();
        var curves = plots.Top;
        var residuals = plots.Bottom;
        // beyond ten runs Category10 would repeat its colours
        IPalette palette = runs.Count <= 10 ? new ScottPlot.Palettes.Category10() : new ScottPlot.Palettes.Tsitsulin();
        double low = double.MaxValue, high = double.MinValue;
        for (int r = 0; r < runs.Count; r++)
        {
            var (run, heldOut, predicted) = runs[r];
            var steps = Enumerable.Range(0, run.Count).Select(i => (double)run.StepAt(i)).ToArray();
            var logged = run.Losses.ToArray();
            var color = palette.GetColor(r);

            var dots = curves.Add.ScatterPoints(steps, logged);
            dots.Color = color.WithAlpha(0.55);
            dots.MarkerSize = 4;
            var line = curves.Add.ScatterLine(steps, predicted);
            line.Color = color;
            line.LineWidth = 2;
            line.LinePattern = heldOut ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = heldOut ? $"{run.Name} (held out: predicted)" : $"{run.Name} (fitted)";

            var errors = residuals.Add.ScatterPoints(steps, predicted.Zip(logged, (p, o) => p - o).ToArray());
            errors.Color = color;
            errors.MarkerSize = 3;

            // frame the curves after their steep start, as the predict plot does
            long last = run.Count > 0 ? run.StepAt(run.Count - 1) : 0;
            for (int i = 0; i < run.Count; i++)
                if (run.StepAt(i) >= 0.05 * last)
                {
                    low = Math.Min(low, Math.Min(logged[i], predicted[i]));
                    high = Math.Max(high, Math.Max(logged[i], predicted[i]));
                }
        }
        if (low <= high)
        {
            double pad = Math.Max((high - low) * 0.08, 1e-3);
            curves.Axes.SetLimitsY(low - pad, high + pad);
        }
        var zero = residuals.Add.HorizontalLine(0);
        zero.Color = Colors.Gray;
        zero.LineWidth = 1;

        curves.Title($"law {law}: logged (dots) and fitted or predicted (lines) validation loss");
        curves.YLabel("validation loss");
        plots.LegendBelow(curves); // ten runs' names would cover the curves inside the plot
        residuals.YLabel("predicted − logged");
        residuals.XLabel("step");
        return plots;
    }
}
