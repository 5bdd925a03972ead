using System.Collections.Immutable;
using System.Globalization;
using CptLang.Diagnostics;

namespace CptLang.Import;

/// <summary>
/// A framework's settings as name → text, read once each; a setting given but never read is an
/// error (a misspelt name must not be silently ignored), and so is a value that does not parse.
/// The first problem is kept and reported (a command line's one error); a read that fails gives a
/// placeholder value, and the importers stop at <see cref="Failed"/> before using any.
/// </summary>
public sealed class SettingBag(string framework, IReadOnlyDictionary<string, string> values)
{
    readonly HashSet<string> _read = [];
    Diagnostic? _problem;

    public string Framework => framework;

    public bool Failed => _problem is not null;

    public ImmutableArray<Diagnostic> Diagnostics => _problem is null ? [] : [_problem];

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
        if (text is null) return fallback ?? Placeholder(Missing(name));
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= 0) return value;
        return Placeholder(Problem($"'{name}' is '{text}', not a number of 0 or more", $"give {name} as a plain number such as 3e-4"));
    }

    public long Count(long? fallback, params string[] names)
    {
        string? text = Text(names);
        if (text is null) return fallback ?? Placeholder(Missing(names[0]));
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value >= 0) return value;
        return Placeholder(Problem($"'{names[0]}' is '{text}', not a whole number of 0 or more", $"give {names[0]} as a step count such as 2000"));
    }

    public string Choice(string name, string fallback, IReadOnlyList<string> choices)
    {
        string value = Text(name) ?? fallback;
        if (!choices.Contains(value)) Problem($"'{name}' is '{value}'{Spelling.DidYouMean(value, choices)}", $"{name} is one of {string.Join(", ", choices)}");
        return value;
    }

    /// <summary>Fails on the first setting that was given but never read.</summary>
    public void RejectUnread(IEnumerable<string> known)
    {
        var unread = values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unread.Count > 0)
            Problem($"'{unread[0]}' is not one cptc reads", $"{framework} settings cptc reads: {string.Join(", ", known)}");
    }

    /// <summary>Records CPT4210 (unless a problem came first); null, for <c>return s.Missing(…)</c>.</summary>
    public ImportedSchedule? Missing(string name) =>
        Problem($"'{name}' is missing", $"give it, e.g. {Example(name)}");

    /// <summary>Records CPT4210 (unless a problem came first); null, for <c>return s.Problem(…)</c>.</summary>
    public ImportedSchedule? Problem(string message, string hint) =>
        Fail(DiagnosticBuilder.At(default).InvalidImportSetting(framework, message, hint));

    /// <summary>Records CPT4211 (unless a problem came first): valid settings that no .cpt phases reproduce.</summary>
    public ImportedSchedule? NotExpressible(string reason, string hint) =>
        Fail(DiagnosticBuilder.At(default).ImportNotExpressible(framework, reason, hint));

    ImportedSchedule? Fail(Diagnostic diagnostic)
    {
        _problem ??= diagnostic;
        return null;
    }

    /// <summary>What a failed read gives; never used, as the importers stop at <see cref="Failed"/>.</summary>
    static long Placeholder(ImportedSchedule? _) => 0;

    /// <summary>A setting as the framework writes it, with a value of its kind (an LR is not 1000).</summary>
    string Example(string name)
    {
        string value = name switch
        {
            "--lr-wsd-decay-style" => "linear",
            _ when name.Contains("lr", StringComparison.OrdinalIgnoreCase) && !name.Contains("iters") && !name.Contains("steps")
                || name.Contains("learning_rate") => "3e-4",
            _ when name.Contains("ratio") || name.Contains("factor") => "0.1",
            _ => "1000",
        };
        return framework == "megatron" ? $"{name} {value}" : $"{name}={value}";
    }
}
