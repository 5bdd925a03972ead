using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Fitting.Uncertainty;
using CptLang.Laws.Laws;
using CptLang.Syntax;
using K = CptLang.Laws.Fitting.Uncertainty.UncertaintyKeys;

namespace CptLang.Binding;

/// <summary>
/// Binds a law block's <c>uncertainty { … }</c> part (docs/language.md §7.8) to a
/// <see cref="ParameterUncertainty"/>: known entries with the right number of parameter names,
/// each once, parameters of the law's form, values in range, a correlation for every pair of
/// parameters with a scale, and a positive-definite correlation matrix.
/// </summary>
internal sealed class UncertaintyBinder(DiagnosticBag diagnostics, ValueBinder values)
{
    /// <summary>The part's uncertainty, or null (with the errors reported) when there is none or it is wrong.</summary>
    public ParameterUncertainty? Bind(LawDeclarationSyntax law, LawForm form)
    {
        var parts = law.Body?.Uncertainty ?? [];
        foreach (var extra in parts.Where(p => !p.Name.IsMissing && p.Name.Text != K.Part))
            diagnostics.Add(DiagnosticBuilder.At(extra.Name.Span).UnknownLawPart(extra.Name.Text));
        var named = parts.Where(p => p.Name.Text == K.Part).ToList();
        foreach (var second in named.Skip(1))
            diagnostics.Add(DiagnosticBuilder.At(second.Name.Span).DuplicateUncertaintyEntry("an uncertainty part"));
        if (named.Count == 0) return null;
        int errorsBefore = diagnostics.ErrorCount;
        var part = named[0];
        string name = law.Name.Text;
        var parameters = LawParameterNames.Of(form);

        var settings = new Dictionary<string, double>();
        var scales = new List<KeyValuePair<string, double>>();
        var correlations = new Dictionary<(string, string), double>();
        var seen = new HashSet<string>();
        foreach (var entry in part.Entries)
        {
            if (entry.Key.IsMissing || entry.Subjects.Any(s => s.IsMissing)) continue;
            string key = entry.Key.Text;
            if (!K.All.Contains(key))
            {
                diagnostics.Add(DiagnosticBuilder.At(entry.Key.Span).UnknownUncertaintyEntry(key, K.All));
                continue;
            }
            var subjects = entry.Subjects.Select(s => s.Text).ToList();
            int expected = K.Subjects(key);
            if (subjects.Count != expected || subjects.Distinct().Count() != subjects.Count)
            {
                diagnostics.Add(DiagnosticBuilder.At(entry.Key.Span).UncertaintyWrongSubjects(key, expected, subjects.Count));
                continue;
            }
            if (entry.Subjects.FirstOrDefault(s => !parameters.Contains(s.Text)) is { } unknown)
            {
                diagnostics.Add(DiagnosticBuilder.At(unknown.Span).UncertaintyUnknownParameter(unknown.Text, name, parameters));
                continue;
            }
            string what = string.Join(" ", [key, .. subjects.Order(StringComparer.Ordinal)]);
            if (!seen.Add(what))
            {
                diagnostics.Add(DiagnosticBuilder.At(entry.Key.Span).DuplicateUncertaintyEntry($"'{string.Join(" ", [key, .. subjects])}'"));
                continue;
            }
            if (values.Plain(entry.Value, $"'{key}'", allowSuffix: false) is not { } value) continue;
            if (Requirement(key, value) is { } requirement)
            {
                diagnostics.Add(DiagnosticBuilder.At(entry.Value.Span).UncertaintyValueOutOfRange($"'{string.Join(" ", [key, .. subjects])}'", value, requirement));
                continue;
            }
            switch (key)
            {
                case K.Scale: scales.Add(KeyValuePair.Create(subjects[0], value)); break;
                case K.Correlation: correlations[(subjects[0], subjects[1])] = value; correlations[(subjects[1], subjects[0])] = value; break;
                default: settings[key] = value; break;
            }
        }
        if (diagnostics.ErrorCount > errorsBefore) return null;

        // the scales in the form's order, so that the same law always draws the same samples
        scales = [.. scales.OrderBy(s => parameters.IndexOf(s.Key))];
        var missing = new List<string>();
        missing.AddRange(new[] { K.Runs, K.Replicates, K.Inflation, K.Noise }.Where(k => !settings.ContainsKey(k)).Select(k => $"'{k}'"));
        if (scales.Count == 0) missing.Add("an 'sd' of any parameter");
        var withScale = scales.Select(s => s.Key).ToHashSet();
        foreach (var ((a, b), _) in correlations)
            if (string.CompareOrdinal(a, b) < 0 && (!withScale.Contains(a) || !withScale.Contains(b)))
                missing.Add($"'sd {(withScale.Contains(a) ? b : a)}' (its correlation with {(withScale.Contains(a) ? a : b)} is given)");
        for (int i = 0; i < scales.Count; i++)
            for (int j = i + 1; j < scales.Count; j++)
                if (!correlations.ContainsKey((scales[i].Key, scales[j].Key)))
                    missing.Add($"'corr {scales[i].Key} {scales[j].Key}'");
        if (missing.Count > 0)
        {
            diagnostics.Add(DiagnosticBuilder.At(part.Name.Span).UncertaintyIncomplete(name, Join(missing)));
            return null;
        }
        var matrix = ImmutableArray.CreateBuilder<double>();
        foreach (var a in scales)
            foreach (var b in scales)
                matrix.Add(a.Key == b.Key ? 1 : correlations[(a.Key, b.Key)]);
        var uncertainty = new ParameterUncertainty([.. scales], matrix.ToImmutable(), settings[K.Noise],
            (int)settings[K.Runs], (int)settings[K.Replicates], settings[K.Inflation])
        { Reach = settings.TryGetValue(K.Reach, out double reach) ? reach : null };
        if (uncertainty.CholeskyFactor() is null)
        {
            diagnostics.Add(DiagnosticBuilder.At(part.Name.Span).CorrelationNotPositiveDefinite(name));
            return null;
        }
        return uncertainty;
    }

    static string? Requirement(string key, double value) => key switch
    {
        K.Runs when !(value >= 1 && value == Math.Floor(value) && value <= int.MaxValue) => "it must be a whole number of 1 or more",
        K.Replicates when !(value >= 2 && value == Math.Floor(value) && value <= int.MaxValue) => "it must be a whole number of 2 or more",
        K.Inflation when !(value >= 1) => "it must be 1 or more",
        K.Noise when !(value >= 0) => "it must be 0 or more",
        K.Reach when !(value > 0 && double.IsFinite(value)) => "it must be above 0",
        K.Scale when !(value > 0) => "it must be above 0",
        K.Correlation when !(value > -1 && value < 1) => "it must be between -1 and 1, exclusive",
        _ => null,
    };

    static string Join(List<string> items) => items.Count <= 4 ? string.Join(", ", items) : $"{string.Join(", ", items.Take(4))} and {items.Count - 4} more";
}
