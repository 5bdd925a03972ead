using System.Globalization;
using CptLang.Diagnostics;
using CptLang.Fitting;
using CptLang.Laws.Laws;

namespace Cptc.Fit;

/// <summary>One <c>--data RUN=LOG[:COLUMN]</c>: the log of a run, and the loss column when it
/// is not the default.</summary>
internal sealed record DataSpec(string Run, string Path, string? Column)
{
    /// <summary>Splits at the first <c>=</c>; then, unless the rest names an existing file, at
    /// the last <c>:</c> into the log and its loss column (column names such as
    /// <c>eval/loss</c> may hold slashes; a path such as <c>C:\logs\a.csv</c> that exists stays whole).</summary>
    public static DataSpec Parse(string text) => Parse(text, File.Exists);

    public static DataSpec Parse(string text, Func<string, bool> fileExists)
    {
        int equals = text.IndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
            throw Invalid($"--data '{text}' is not RUN=LOG or RUN=LOG:COLUMN", "e.g. --data cosine=logs/cosine.csv:val_loss");
        string run = text[..equals], rest = text[(equals + 1)..];
        int colon = rest.LastIndexOf(':');
        if (!fileExists(rest) && colon > 0 && colon < rest.Length - 1)
            return new DataSpec(run, rest[..colon], rest[(colon + 1)..]);
        return new DataSpec(run, rest, null);
    }

    internal static CliException Invalid(string message, string hint) =>
        CliException.From(DiagnosticBuilder.At(default).FitInvalidOption(message, hint));
}

/// <summary>The <c>--form</c> names and <c>--fix PARAM=VALUE</c>.</summary>
internal static class FitOptions
{
    /// <summary><c>--form auto</c>: choose among the forms by leave-one-run-out prediction (docs/cli.md).</summary>
    public const string Auto = "auto";

    public static readonly string[] Forms = [.. LawForms.Keywords, Auto];

    /// <summary>The form of a keyword other than <see cref="Auto"/>.</summary>
    public static LawForm FormOf(string keyword) => LawForms.TryParse(keyword, out var form) ? form
        : throw DataSpec.Invalid($"unknown law form '{keyword}'", $"use one of {string.Join(", ", Forms)}");

    /// <summary><c>--fix PARAM=VALUE</c> as written; the library checks them against the form.</summary>
    public static List<FixedParameter> Fixed(IEnumerable<string> specs)
    {
        var values = new List<FixedParameter>();
        foreach (var spec in specs)
        {
            int equals = spec.IndexOf('=');
            string name = equals > 0 ? spec[..equals].Trim() : spec;
            if (equals <= 0 || !double.TryParse(spec[(equals + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                throw DataSpec.Invalid($"--fix '{spec}' is not PARAM=VALUE", "e.g. --fix alpha=0.5");
            values.Add(new FixedParameter(name, value, spec[(equals + 1)..].Trim()));
        }
        return values;
    }
}

/// <summary><c>--model-size RUN=SIZE</c>, each read by <see cref="RunModelSize.Parse"/>.</summary>
internal static class ModelSizes
{
    public static List<RunModelSize> Parse(IEnumerable<string> specs) => [.. specs.Select(spec => CliException.Require(RunModelSize.Parse(spec)))];
}
