using CptLang.Laws.Derived;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Tests.Support;

/// <summary>The derived searches for laws a test knows to be defined: a problem fails the test.</summary>
internal static class Searches
{
    public static TurningLength Turning(LossPredictor predictor, int law)
    {
        Assert.True(TurningLength.TryFind(predictor, law, out var turning, out var problem), problem?.ToString());
        return turning!;
    }

    public static LossPeak Peak(LossPredictor predictor, int law)
    {
        Assert.True(LossPeak.TryFind(predictor, law, out var peak, out var problem), problem?.ToString());
        return peak!;
    }
}
