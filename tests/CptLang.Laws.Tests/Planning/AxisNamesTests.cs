using CptLang.Laws.Planning;

namespace CptLang.Laws.Tests.Planning;

/// <summary>The sweep axis words: one list, every axis named.</summary>
public class AxisNamesTests
{
    [Fact]
    public void Every_axis_has_a_word_and_the_words_are_distinct()
    {
        var words = Enum.GetValues<AxisKind>().Select(AxisNames.Of).ToList();
        Assert.Equal(words.Count, words.Distinct().Count());
        // every axis but replay (written `replay DOMAIN`) is named by one of the sweep's words
        Assert.All(Enum.GetValues<AxisKind>().Where(k => k != AxisKind.ReplayRatio), k => Assert.Contains(AxisNames.Of(k), AxisNames.Words));
        Assert.Equal(AxisNames.Words.Length, AxisNames.Words.Distinct().Count());
        Assert.Equal(["cpt_peak_lr", "cpt_steps", "cpt_tokens", "decay_shape", "decay_fraction", "loss_potential"], AxisNames.Words.ToArray());
    }

    [Fact]
    public void An_unknown_axis_fails_loudly() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AxisNames.Of((AxisKind)99));
}
