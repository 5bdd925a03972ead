using System.Text;
using Cptc.Fit;
using CptLang;
using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using SkiaSharp;

namespace Cptc.Tests;

/// <summary>
/// <c>cptc fit --plot</c> with many runs (issue 15, item 8): the legend must never cover a curve.
/// The test paints the legend's background a colour nothing else uses and checks, on the
/// rendered PNG, that no pixel of that colour lies in either plot's data area, that the legend is
/// drawn whole inside the picture, and that it names every run.
/// </summary>
public class FitPlotLayoutTests
{
    static readonly SKColor Marker = new(255, 0, 255);

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    public void The_legend_stays_outside_the_data_areas(int count)
    {
        var plots = FitPlot.Build("fineweb", Runs(count));
        var legend = plots.Top.Legend;
        legend.BackgroundColor = ScottPlot.Color.FromSKColor(Marker);
        byte[] png = plots.RenderPng(FitPlot.Width, FitPlot.Height);
        Keep(png, $"fit-plot-{count}-runs.png");

        Assert.Equal(count, legend.GetItems().Length);
        using var bitmap = SKBitmap.Decode(png);
        var dataAreas = new[] { plots.Top.LastRender.DataRect, plots.Bottom.LastRender.DataRect };
        Assert.All(dataAreas, r => Assert.True(r.Width > 400 && r.Height > 200, $"data area {r} too small"));

        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1, inData = 0;
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y) != Marker) continue;
                (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                if (dataAreas.Any(r => x >= r.Left && x < r.Right && y >= r.Top && y < r.Bottom)) inData++;
            }
        Assert.True(right >= 0, "no legend was drawn");
        Assert.True(inData == 0, $"{inData} legend pixels inside a data area (legend at x {left}..{right}, y {top}..{bottom})");
        // drawn whole: its background spans its measured size (less the 1-pixel outline), not cut off at the picture's edge
        Assert.InRange(right - left + 1, legend.LastRenderSize.Width - 3, legend.LastRenderSize.Width + 1);
        Assert.InRange(bottom - top + 1, legend.LastRenderSize.Height - 3, legend.LastRenderSize.Height + 1);
        Assert.True(bottom < bitmap.Height - 1 && right < bitmap.Width - 1, "the legend touches the picture's edge");
    }

    /// <summary><paramref name="count"/> CPT runs from one pre-training, every third held out,
    /// logged every 500 steps with a little seeded noise, the Fig. 3 general law as the "fit".</summary>
    static List<(FitRun Run, bool HeldOut, double[] Predicted)> Runs(int count)
    {
        var text = new StringBuilder();
        string[] shapes = ["cosine", "linear", "exponential"];
        for (int i = 0; i < count; i++)
            text.Append($$"""
                run cpt_peak_{{i + 1}}e-5_{{shapes[i % 3]}} {
                  peak_lr 2e-4
                  train fineweb { warmup 500 steps stable 15500 steps decay 4k steps to {{(i % 4 == 3 ? "50%" : "0")}} }
                  switch to kp { warmup 500 steps to {{i + 1}}e-5 decay 9500 steps to {{(i % 3 == 2 ? "1e-6" : "0")}} {{shapes[i % 3]}} }
                }

                """);
        text.Append("law fineweb = paper.fig3.general\n");
        var compilation = Compilation.Create(text.ToString());
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var random = new Random(15);
        var runs = new List<(FitRun, bool, double[])>();
        foreach (var plan in compilation.Plans)
        {
            var predictor = new LossPredictor(plan, compilation.Laws);
            long[] steps = [.. Enumerable.Range(1, (int)(plan.TotalSteps / 500)).Select(k => k * 500L)];
            double[] clean = [.. steps.Select(s => predictor.LossAt(0, s).Value)];
            double[] logged = [.. clean.Select(l => l * (1 + 0.004 * (random.NextDouble() - 0.5)))];
            runs.Add((FitRun.Create(new ScheduleAreas(plan), "fineweb", steps, logged), runs.Count % 3 == 2, clean));
        }
        return runs;
    }

    /// <summary>Set CPTC_KEEP_PLOTS to a directory to look at the pictures.</summary>
    static void Keep(byte[] png, string name)
    {
        if (Environment.GetEnvironmentVariable("CPTC_KEEP_PLOTS") is { Length: > 0 } dir)
            File.WriteAllBytes(Path.Combine(dir, name), png);
    }
}
