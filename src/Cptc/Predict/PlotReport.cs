using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Predicting;
using ScottPlot;

namespace Cptc.Predict;

/// <summary>
/// <c>--plot PNG</c>: the predicted loss of every law (top) and the learning rate (bottom)
/// against steps, on a shared step axis, with the domain switch and the phase boundaries marked.
/// </summary>
internal static class PlotReport
{
    public const int Points = 1500;
    const int Width = 1100, Height = 850;

    /// <summary>The steps the plot draws: a fine grid plus every boundary, so corners stay sharp.</summary>
    public static long[] Steps(EvaluationPlan plan) => StepSampler.Default(plan, Points);

    /// <param name="intervals">Each law's band at the table's steps (predict --interval), drawn
    /// shaded under its line; null entries and a null list draw none.</param>
    public static byte[] Render(EvaluationPlan plan, LossTable table, PredictionIntervals? intervals = null)
    {
        var xs = Enumerable.Range(0, table.Count).Select(i => (double)table.Areas.StepAt(i)).ToArray();
        var plots = new StackedPlots();
        var losses = plots.Top;
        var rates = plots.Bottom;

        for (int law = 0; law < table.Laws.Length; law++)
        {
            var color = losses.Add.Palette.GetColor(law);
            if (intervals?.Laws[law] is { } band)
            {
                var fill = losses.Add.FillY(xs, band.Lower.ToArray(), band.Upper.ToArray());
                fill.FillColor = color.WithAlpha(0.25);
                fill.LineWidth = 0;
                fill.LegendText = $"{table.Laws[law].Name}: {Percent(intervals.Level)} interval";
            }
            var line = losses.Add.ScatterLine(xs, table.Loss(law).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            var l = table.Laws[law];
            line.LegendText = l.Role == ValidationRole.Unspecified ? l.Name : $"{l.Name} ({(l.Role == ValidationRole.General ? "general" : "new domain")})";
        }
        var lr = rates.Add.ScatterLine(xs, table.Areas.LearningRate.ToArray());
        lr.LineWidth = 2;
        lr.Color = Colors.Black;

        foreach (var plot in new[] { losses, rates })
        {
            foreach (var segment in plan.Segments.Take(plan.Segments.Length - 1))
            {
                if (segment.LastStep == plan.SwitchStep) continue;
                var boundary = plot.Add.VerticalLine(segment.LastStep + 0.5);
                boundary.Color = Colors.Gray.WithAlpha(0.6);
                boundary.LinePattern = LinePattern.Dashed;
                boundary.LineWidth = 1;
            }
            if (plan.SwitchStep is { } sw and > 0)
            {
                var switchLine = plot.Add.VerticalLine(sw + 0.5);
                switchLine.Color = Colors.Red;
                switchLine.LineWidth = 1.5f;
                if (plot == losses) switchLine.LegendText = $"switch to {plan.Continual!.Domain} (step {sw:N0})";
            }
            plot.Axes.SetLimitsX(0, plan.TotalSteps);
        }

        // the laws start far above their later values (A·S1^−α at tiny S1): frame what follows
        var (low, high) = LossRange(xs, table, plan.TotalSteps);
        losses.Axes.SetLimitsY(low, high);
        rates.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = LearningRateFormat.Short };

        losses.Title($"run {plan.Run}: predicted validation loss");
        losses.YLabel("validation loss");
        losses.ShowLegend(Alignment.UpperRight);
        rates.YLabel("learning rate");
        rates.XLabel("step (dashed: phase boundaries)");
        return plots.RenderPng(Width, Height);
    }

    static string Percent(double level) => (level * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " %";

    /// <summary>From the lowest loss to the highest one after the first 2% of the run, padded.</summary>
    static (double Low, double High) LossRange(double[] xs, LossTable table, long totalSteps)
    {
        double low = double.MaxValue, high = double.MinValue;
        for (int law = 0; law < table.Laws.Length; law++)
        {
            var loss = table.Loss(law);
            for (int i = 0; i < xs.Length; i++)
            {
                low = Math.Min(low, loss[i]);
                if (xs[i] >= 0.02 * totalSteps) high = Math.Max(high, loss[i]);
            }
        }
        if (low > high) (low, high) = (0, 1);
        double pad = Math.Max((high - low) * 0.08, 1e-3);
        return (low - pad, high + pad);
    }
}
