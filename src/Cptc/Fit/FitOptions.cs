using System.Globalization;
using CptLang.Diagnostics;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;

namespace Cptc.Fit;

/// <summary>One <c>--data RUN=LOG[:COLUMN]</c>: the log of a run, and the loss column when it
/// is not the default.</summary>
public sealed record DataSpec(string Run, string Path, string? Column)
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
public static class FitOptions
{
    public static readonly string[] Forms = [.. LawForms.Keywords];

    public static LawForm FormOf(string keyword) => LawForms.TryParse(keyword, out var form) ? form
        : throw DataSpec.Invalid($"unknown law form '{keyword}'", $"use one of {string.Join(", ", Forms)}");

    /// <summary>The fixed parameters, checked against the form and its search bounds.</summary>
    public static Dictionary<string, double> Fixed(IEnumerable<string> specs, FitForm form)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            int equals = spec.IndexOf('=');
            string name = equals > 0 ? spec[..equals].Trim() : spec;
            if (equals <= 0 || !double.TryParse(spec[(equals + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                throw DataSpec.Invalid($"--fix '{spec}' is not PARAM=VALUE", "e.g. --fix alpha=0.5");
            int index = form.Names.IndexOf(name);
            if (index < 0)
                throw DataSpec.Invalid($"a {LawParameterNames.Keyword(form.Form)} law has no parameter '{name}'", $"its parameters are {string.Join(" ", form.Names)}");
            var bound = form.Bounds[index];
            if (!bound.Contains(value))
                throw DataSpec.Invalid($"--fix {name}={spec[(equals + 1)..].Trim()} is outside the interval [{DisplayFormat.Number(bound.Lower)}, {DisplayFormat.Number(bound.Upper)}] the fit searches", "fix it to a value inside");
            if (!values.TryAdd(name, value))
                throw DataSpec.Invalid($"--fix gives {name} twice", "give each parameter once");
        }
        return values;
    }
}

/// <summary><c>--model-size RUN=SIZE</c>: the model size each run trained, for the model-size
/// form (Eq. 7). SIZE is a parameter count written as <c>N</c> is in a law block, with its
/// suffix (<c>106M</c>, <c>1.72B</c>, <c>500k</c>); the result is in millions (LAW.md's unit).
/// A plain number is refused: in a law block <c>N = 106</c> means 106 parameters, while LAW.md
/// counts in millions, so either reading would surprise someone.</summary>
public static class ModelSizes
{

    public static Dictionary<string, double> Parse(IEnumerable<string> specs, IReadOnlyCollection<string> runs)
    {
        var sizes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            int equals = spec.IndexOf('=');
            string run = equals > 0 ? spec[..equals].Trim() : "", text = equals > 0 ? spec[(equals + 1)..].Trim() : "";
            if (run.Length == 0 || text.Length == 0)
                throw DataSpec.Invalid($"--model-size '{spec}' is not RUN=SIZE", "e.g. --model-size small=106M (a parameter count with its k, M or B suffix)");
            if (!runs.Contains(run))
                throw DataSpec.Invalid($"--model-size '{run}' is not a run given with --data", "give the size of each run whose log is fitted or held out");
            bool suffixed = CptLang.Binding.NumberLiteral.HasScaleSuffix(text);
            // the language's NUMBER: digits, '_' separators, fraction, exponent, k/M/B
            bool wellFormed = text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '.') && !text.Contains(',');
            double value = wellFormed ? CptLang.Binding.NumberLiteral.Parse(text) : double.NaN;
            if (!double.IsFinite(value) || !(value > 0))
                throw DataSpec.Invalid($"--model-size {run}={text} is not a positive model size", "write it as in a law block, e.g. 106M or 1.72B");
            if (!suffixed)
                throw DataSpec.Invalid($"--model-size {run}={text} has no k, M or B suffix", $"write the parameter count with its suffix, e.g. {run}={text}M for {text} million");
            double millions = value / 1e6;
            if (!sizes.TryAdd(run, millions))
                throw DataSpec.Invalid($"--model-size gives run '{run}' twice", "give each run's size once");
        }
        return sizes;
    }
}
