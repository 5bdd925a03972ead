using CptLang.Laws.Fitting;

namespace CptLang.Laws.Tests.Fitting;

public class FitMetricsTests
{
    [Fact]
    public void Metrics_by_hand()
    {
        var m = FitMetrics.Of([2.0, 4.0], [2.2, 3.6]);
        Assert.Equal(2, m.Points);
        Assert.Equal(0.3, m.Mae, 12);
        Assert.Equal(Math.Sqrt((0.04 + 0.16) / 2), m.Rmse, 12);
        Assert.Equal(100 * (0.1 + 0.1) / 2, m.Mape, 10);
        Assert.Equal(10, m.Worst, 10);
        Assert.Equal(1 - 0.2 / 2.0, m.R2, 12);
    }

    [Fact]
    public void R2_is_undefined_for_a_flat_curve()
    {
        Assert.True(double.IsNaN(FitMetrics.Of([3.0, 3.0], [3.0, 3.1]).R2));
        Assert.True(double.IsNaN(FitMetrics.Of([3.0], [3.0]).R2));
    }
}
