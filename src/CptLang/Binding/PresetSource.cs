using System.Collections.Immutable;

namespace CptLang.Binding;

/// <summary>A built-in parameter set as the binder sees it: values by parameter name (possibly
/// incomplete, e.g. Fig. 19 prints no β) and where it comes from.</summary>
internal sealed record PresetEntry(string Name, ImmutableDictionary<string, double> Values, string Description);

/// <summary>Adapter over the law engine's catalog of the paper's parameter sets.</summary>
internal static class PresetSource
{
    public static ImmutableArray<string> Names => [];

    public static PresetEntry? Find(string name) => null;
}
