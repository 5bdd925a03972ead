using CptLang.Laws.Laws;
using CptLang.Laws.Planning;
using ScottPlot;

namespace Cptc.Optimize;

/// <summary>
/// <c>--plot PNG</c>: the Pareto front of general vs domain loss (top, the recommendation marked)
/// and the predicted losses of the best candidates after the switch (bottom).
/// </summary>
internal static class OptimizePlot
{
    const int Width = 1100, Height = 900, CurvePoints = 400, Curves = 3;

    public static byte[] Render(OptimizeOutcome outcome)
    {
        var result = outcome.Result;
        var plots = new StackedPlots();
        var front = plots.Top;
        var curves = plots.Bottom;

        if (!result.Front.IsEmpty)
        {
            var points = front.Add.ScatterPoints(
                result.Front.Select(c => c.GeneralLoss!.Value).ToArray(), result.Front.Select(c => c.DomainLoss!.Value).ToArray());
            points.LegendText = "Pareto front (grid)";
            points.MarkerSize = 6;
        }
        if (result.Recommended is { GeneralLoss: double g, DomainLoss: double d })
        {
            var marker = front.Add.Marker(g, d, MarkerShape.FilledDiamond, 14, Colors.Red);
            marker.LegendText = "recommended";
        }
        front.Title($"sweep of run {outcome.Sweep.Run}: final losses");
        front.XLabel($"{outcome.GeneralLaw ?? "general"} loss at the end");
        front.YLabel($"{outcome.DomainLaw ?? "domain"} loss at the end");
        front.ShowLegend(Alignment.UpperRight);

        var shown = (result.Refined is { } r ? new[] { r } : []).Concat(result.Best).Take(Curves).ToList();
        for (int i = 0; i < shown.Count; i++)
        {
            var plan = outcome.PlanOf(shown[i]);
            long tpt = plan.SwitchStep!.Value, end = plan.TotalSteps;
            long[] steps = [.. Enumerable.Range(0, CurvePoints + 1).Select(k => Math.Max(1, tpt + (end - tpt) * k / CurvePoints)).Distinct()];
            var table = new LossPredictor(plan, outcome.Problem.Laws).Predict(steps);
            double[] xs = [.. steps.Select(s => (double)(s - tpt))];
            for (int law = 0; law < table.Laws.Length; law++)
            {
                if (table.Laws[law].Role == ValidationRole.Unspecified || table.Problems.Any(p => p.Law == table.Laws[law].Name)) continue;
                var line = curves.Add.ScatterLine(xs, table.Loss(law).ToArray());
                line.LineWidth = i == 0 ? 2.5f : 1.2f;
                line.LegendText = $"{(i == 0 ? "recommended" : $"#{i + 1}")}: {table.Laws[law].Name}";
            }
        }
        curves.XLabel("CPT step (after the switch)");
        curves.YLabel("predicted validation loss");
        curves.ShowLegend(Alignment.UpperRight);
        return plots.RenderPng(Width, Height);
    }
}
