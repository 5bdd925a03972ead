using System.Globalization;
using CptLang.Diagnostics;

namespace CptLang.Import;

/// <summary>
/// A framework's settings as name → text, read once each; a setting given but never read is an
/// error (a misspelt name must not be silently ignored), and so is a value that does not parse.
/// </summary>
public sealed class SettingBag(string framework, IReadOnlyDictionary<string, string> values)
{
    readonly HashSet<string> _read = [];

    public string Framework => framework;

    public bool Has(params string[] names) => names.Any(values.ContainsKey);

    public string? Text(params string[] names)
    {
        foreach (var name in names)
        {
            _read.Add(name);
            if (values.TryGetValue(name, out var value)) return value.Trim().Trim('"', '\'');
        }
        return null;
    }

    public double Real(string name, double? fallback = null)
    {
        string? text = Text(name);
        if (text is null) return fallback ?? throw Missing(name);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= 0) return value;
        throw Problem($"'{name}' is '{text}', not a number of 0 or more", $"give {name} as a plain number such as 3e-4");
    }

    public long Count(long? fallback, params string[] names)
    {
        string? text = Text(names);
        if (text is null) return fallback ?? throw Missing(names[0]);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value >= 0) return value;
        throw Problem($"'{names[0]}' is '{text}', not a whole number of 0 or more", $"give {names[0]} as a step count such as 2000");
    }

    public string Choice(string name, string fallback, IReadOnlyList<string> choices)
    {
        string value = Text(name) ?? fallback;
        return choices.Contains(value) ? value
            : throw Problem($"'{name}' is '{value}'{Spelling.DidYouMean(value, choices)}", $"{name} is one of {string.Join(", ", choices)}");
    }

    /// <summary>Fails on the first setting that was given but never read.</summary>
    public void RejectUnread(IEnumerable<string> known)
    {
        var unread = values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unread.Count > 0)
            throw Problem($"'{unread[0]}' is not one cptc reads", $"{framework} settings cptc reads: {string.Join(", ", known)}");
    }

    public ImportException Missing(string name) =>
        Problem($"'{name}' is missing", $"give it, e.g. {Example(name)}");

    public ImportException Problem(string message, string hint) =>
        new(DiagnosticBuilder.At(default).InvalidImportSetting(framework, message, hint));

    string Example(string name) => (framework, name) switch
    {
        (_, "--lr-wsd-decay-style") => $"{name} linear",
        ("megatron", _) => $"{name} 1000",
        _ => $"{name}=1000",
    };
}
