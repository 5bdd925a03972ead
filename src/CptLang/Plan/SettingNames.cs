using CptLang.Laws.Schedules;

namespace CptLang.Plan;

/// <summary>The language's words for the settings' values, for every output that prints them.</summary>
public static class SettingNames
{
    public static string Of(WarmupArea area) => area == WarmupArea.Peak ? "peak" : "actual";

    public static string Of(S2Split split) => split == S2Split.Step ? "step" : "source";
}
