using CptLang.Laws.Laws;
using CptLang.Laws.Presets;

namespace CptLang.Tests;

/// <summary>Every parameter set of the law engine's catalog can be named in a .cpt file (its
/// dotted name lexes as a name) and binds to exactly the preset's parameters.</summary>
public class PresetBindingTests
{
    public static TheoryData<string> Presets() => [.. PaperPresets.Names];

    [Theory]
    [MemberData(nameof(Presets))]
    public void BindsByName(string name)
    {
        var preset = PaperPresets.Get(name);
        string supplied = string.Join("  ", preset.Missing.Select(p => $"{p} = {(p == LawParameterNames.N ? "594M" : "0.3")}"));
        var compilation = DiagnosticAssert.Clean($"law x = {name}{(supplied.Length > 0 ? $" {{ {supplied} }}" : "")}\n");
        var law = Assert.IsType<ParametricLaw>(Assert.Single(compilation.Laws));
        Assert.Equal(preset.Form, law.Parameters.Form);
        foreach (var (parameter, value) in preset.Values)
            Assert.Equal(value, law.Parameters[parameter]);
    }
}
