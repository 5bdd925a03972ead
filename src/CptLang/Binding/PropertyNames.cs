using System.Collections.Immutable;

namespace CptLang.Binding;

/// <summary>The property and setting names of the language.</summary>
internal static class PropertyNames
{
    public const string PeakLr = "peak_lr", TokensPerStep = "tokens_per_step",
        Lambda = "lambda", WarmupArea = "warmup_area", S2Split = "s2_split";

    /// <summary>Settings: allowed at file level and, overriding it, in a run.</summary>
    public static ImmutableArray<string> Settings { get; } = [Lambda, WarmupArea, S2Split];

    public static ImmutableArray<string> RunProperties { get; } = [PeakLr, TokensPerStep, .. Settings];

    public static ImmutableArray<string> WarmupAreaValues { get; } = ["peak", "actual"];

    public static ImmutableArray<string> S2SplitValues { get; } = ["step", "source"];
}
