namespace CptLang.Export.Frameworks;

/// <summary>Checks a framework's schedule type (a string, as the framework spells it) against
/// the types it has: an unknown one fails loudly instead of falling back to some shape.</summary>
internal static class FrameworkTypes
{
    public static string Known(string type, IReadOnlyList<string> types, string setting) =>
        types.Contains(type) ? type : throw Unknown(type, setting, types);

    public static ArgumentException Unknown(string type, string setting, IReadOnlyList<string>? types = null) =>
        new($"unknown {setting} '{type}'{(types is null ? "" : $"; the types are {string.Join(", ", types)}")}", setting);
}
