using System.Collections.Immutable;
using CptLang.Laws.Presets;

namespace CptLang.Binding;

/// <summary>The binder's view of the paper's parameter sets (<see cref="PaperPresets"/>).</summary>
internal static class PresetSource
{
    public static ImmutableArray<string> Names => PaperPresets.Names;

    public static LawPreset? Find(string name) => PaperPresets.TryGet(name, out var preset) ? preset : null;

    public static OodWeightPreset? FindOodWeights(string name) => PaperPresets.TryGetOodWeights(name, out var preset) ? preset : null;
}
