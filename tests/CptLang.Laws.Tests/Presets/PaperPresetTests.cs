using CptLang.Laws.Laws;
using CptLang.Laws.Presets;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Laws.Tests.Presets;

public class PaperPresetTests
{
    [Fact]
    public void Every_preset_is_listed_by_name_and_found()
    {
        string[] expected =
        [
            "paper.fig3.general", "paper.fig3.domain", "paper.fig11.general", "paper.fig11.domain",
            "paper.fig15.general", "paper.fig15.domain",
            "paper.fig16_594m.general", "paper.fig16_594m.domain", "paper.fig16_1720m.general", "paper.fig16_1720m.domain",
            "paper.fig19.general", "paper.fig19.domain",
        ];
        Assert.Equal(expected, PaperPresets.Names);
        foreach (var name in expected)
        {
            Assert.True(PaperPresets.TryGet(name, out var preset));
            Assert.Equal(name, preset.Name);
            Assert.False(string.IsNullOrWhiteSpace(preset.Description));
            Assert.Equal(name.EndsWith(".general") ? ValidationRole.General : ValidationRole.Domain, preset.Role);
        }
        Assert.False(PaperPresets.TryGet("paper.fig3", out _));
        Assert.Throws<KeyNotFoundException>(() => PaperPresets.Get("paper.fig4.general"));
    }

    [Fact]
    public void Complete_presets_hold_exactly_their_forms_parameters()
    {
        foreach (var preset in PaperPresets.All.Where(p => p.IsComplete))
        {
            var parameters = preset.ToParameters();
            Assert.Equal(preset.Form, parameters.Form);
            Assert.Equal(LawParameterNames.Of(preset.Form).Length, preset.Values.Count);
        }
    }

    [Theory]
    [InlineData("paper.fig3.general", 3.057, 0.490, 0.497, 0.366, 28, 0.189, 0.299, 0.298)]
    [InlineData("paper.fig3.domain", 3.024, 0.412, 0.677, -0.666, 5662, 0.146, 0.278, 0.324)]
    [InlineData("paper.fig11.general", 3.064, 0.482, 0.511, 1.353, 37, 0.262, 0.294, 0.264)]
    [InlineData("paper.fig11.domain", 2.978, 0.485, 0.701, -1.409, 383, 0.368, 0.274, 0.298)]
    [InlineData("paper.fig16_594m.general", 2.688, 0.526, 0.483, 29.121, 100, 0.001, 0.437, 0.395)]
    [InlineData("paper.fig16_594m.domain", 2.657, 0.443, 0.566, -0.518, 100, 0.424, 0.360, 0.358)]
    [InlineData("paper.fig16_1720m.general", 2.496, 0.569, 0.474, 8.710, 100, 0.004, 0.485, 0.438)]
    [InlineData("paper.fig16_1720m.domain", 2.557, 0.407, 0.682, -0.527, 100, 0.390, 0.440, 0.412)]
    public void Cpt_presets_carry_the_published_values(string name, double l0, double a, double alpha, double b, double e, double beta, double c1, double c2)
    {
        var p = PaperPresets.Get(name).ToParameters();
        Assert.Equal(LawForm.Cpt, p.Form);
        Assert.Equal(new[] { l0, a, alpha, c1, c2, b, e, beta }, p.Values.ToArray());
    }

    [Fact]
    public void Replay_presets_lack_beta_and_say_so()
    {
        foreach (var name in new[] { "paper.fig19.general", "paper.fig19.domain" })
        {
            var preset = PaperPresets.Get(name);
            Assert.Equal(LawForm.Replay, preset.Form);
            Assert.Equal(new[] { Beta }, preset.Missing.ToArray());
            var error = Assert.Throws<InvalidOperationException>(() => preset.ToParameters());
            Assert.Contains("beta", error.Message);
            var completed = preset.With(new Dictionary<string, double> { [Beta] = 0.3 });
            Assert.Equal(0.3, completed[Beta]);
        }
        Assert.Equal(-0.526, PaperPresets.Get("paper.fig19.domain").Values[B]);
        Assert.Equal(3.238, PaperPresets.Get("paper.fig19.general").Values[A2]);
    }

    [Fact]
    public void Model_size_presets_need_the_users_N()
    {
        var preset = PaperPresets.Get("paper.fig15.general");
        Assert.Equal(LawForm.ModelSize, preset.Form);
        Assert.Equal(new[] { N }, preset.Missing.ToArray());
        var p = preset.With(new Dictionary<string, double> { [N] = 594 });
        Assert.Equal(594, p[N]);
        Assert.Equal(3.072, p[F]);
        Assert.Equal(-0.552, PaperPresets.Get("paper.fig15.domain").Values[B]);
        Assert.Throws<ArgumentException>(() => preset.With(new Dictionary<string, double> { [Beta] = 1 }).ToString());
    }

    [Fact]
    public void Overrides_replace_printed_values_and_unknown_names_are_rejected()
    {
        var preset = PaperPresets.Get("paper.fig3.general");
        Assert.Equal(3.1, preset.With(new Dictionary<string, double> { [L0] = 3.1 })[L0]);
        Assert.Throws<ArgumentException>(() => preset.With(new Dictionary<string, double> { [Gamma1] = 1 }));
    }

    [Fact]
    public void Out_of_domain_weights_of_figure_9()
    {
        Assert.Equal(6, PaperPresets.OodWeights.Length);
        Assert.True(PaperPresets.TryGetOodWeights("paper.fig9.c4", out var c4));
        Assert.Equal((0.867, 0.152), (c4.GeneralWeight, c4.DomainWeight));
        Assert.True(PaperPresets.TryGetOodWeights("paper.fig9.stories", out var stories));
        Assert.Equal(-0.516, stories.DomainWeight);
    }
}
