using ScottPlot;

namespace Cptc;

/// <summary>
/// The layout every <c>--plot</c> uses: two plots stacked in one PNG, with the same fixed
/// padding so that their plot areas line up (a shared step axis reads straight down).
/// </summary>
sealed class StackedPlots
{
    static readonly PixelPadding Padding = new(left: 90, right: 25, bottom: 55, top: 45);
    readonly Multiplot multiplot = new();

    public StackedPlots()
    {
        multiplot.AddPlots(2);
        Top = multiplot.GetPlot(0);
        Bottom = multiplot.GetPlot(1);
    }

    public Plot Top { get; }
    public Plot Bottom { get; }

    public byte[] RenderPng(int width, int height)
    {
        Top.Layout.Fixed(Padding);
        Bottom.Layout.Fixed(Padding);
        return multiplot.Render(width, height).GetImageBytes(ImageFormat.Png);
    }
}
