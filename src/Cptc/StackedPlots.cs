using ScottPlot;
using ScottPlot.Panels;

namespace Cptc;

/// <summary>
/// The layout every <c>--plot</c> uses: two plots stacked in one PNG, with the same fixed
/// padding so that their plot areas line up (a shared step axis reads straight down).
/// A legend with many entries (a fit of ten runs) goes below the figure instead of into a plot
/// (<see cref="LegendBelow"/>): in as many columns as fit the plot's width, and the picture grows
/// by its height, so the data areas keep their size and no curve is covered.
/// </summary>
sealed class StackedPlots
{
    static readonly PixelPadding Padding = new(left: 90, right: 25, bottom: 55, top: 45);
    const float LegendGap = 6;
    readonly Multiplot multiplot = new();
    Plot? legendSource;
    LegendPanel? legendPanel;

    public StackedPlots()
    {
        multiplot.AddPlots(2);
        Top = multiplot.GetPlot(0);
        Bottom = multiplot.GetPlot(1);
    }

    public Plot Top { get; }
    public Plot Bottom { get; }

    /// <summary>Draws <paramref name="source"/>'s legend (its plottables' legend texts) under the
    /// bottom plot, outside both data areas, instead of inside <paramref name="source"/>.</summary>
    public void LegendBelow(Plot source) => legendSource = source;

    /// <summary>The PNG: <paramref name="height"/> for the two plots, plus the legend's height
    /// when it is drawn below them.</summary>
    public byte[] RenderPng(int width, int height)
    {
        Top.Layout.Fixed(Padding);
        float below = legendSource is { } source ? PlaceLegend(source, width) : 0;
        Bottom.Layout.Fixed(new PixelPadding(left: Padding.Left, right: Padding.Right, bottom: Padding.Bottom + below, top: Padding.Top));
        // the top plot keeps half of the height asked for; the bottom plot takes the rest
        multiplot.Layout = new SplitRows(height / 2f);
        return multiplot.Render(width, height + (int)Math.Ceiling(below)).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>Adds the legend as a panel under the bottom plot's step axis, wrapped to the data
    /// area's width, and returns the height it adds to the picture.</summary>
    float PlaceLegend(Plot source, int width)
    {
        if (legendPanel is not null) Bottom.Axes.Remove(legendPanel);
        legendPanel = null;
        var legend = source.Legend;
        legend.IsVisible = false; // the panel draws it; nothing inside a data area
        legend.Orientation = Orientation.Horizontal;
        var items = legend.GetItems();
        if (items.Length == 0) return 0;
        using var paint = Paint.NewDisposablePaint();
        float dataWidth = width - Padding.Left - Padding.Right;
        var layout = legend.Layout.GetLayout(legend, items, new PixelSize(dataWidth, float.PositiveInfinity), paint);
        var panel = new LegendPanel(legend) { Edge = Edge.Bottom, Alignment = Alignment.UpperCenter, Padding = new PixelPadding(left: 0, right: 0, bottom: LegendGap, top: LegendGap) };
        float size = (float)Math.Ceiling(layout.LegendRect.Height) + 2 * LegendGap + legend.ShadowOffset.Y;
        panel.MinimumSize = panel.MaximumSize = size;
        Bottom.Axes.AddPanel(panel);
        legendPanel = panel;
        return size;
    }

    /// <summary>Two rows: the top one <c>topHeight</c> pixels high, the bottom one the rest.</summary>
    sealed class SplitRows(float topHeight) : IMultiplotLayout
    {
        public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figure) =>
        [
            new PixelRect(left: figure.Left, right: figure.Right, bottom: figure.Top + topHeight, top: figure.Top),
            new PixelRect(left: figure.Left, right: figure.Right, bottom: figure.Bottom, top: figure.Top + topHeight),
        ];
    }
}
