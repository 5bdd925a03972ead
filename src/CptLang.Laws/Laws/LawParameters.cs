using System.Collections.Immutable;

namespace CptLang.Laws.Laws;

/// <summary>
/// One validation set's fitted law: its form and its parameters by name
/// (<see cref="LawParameterNames"/>). Holds exactly the parameters <see cref="Form"/> needs.
/// </summary>
public sealed record LawParameters
{
    public LawParameters(LawForm form, IReadOnlyDictionary<string, double> values)
    {
        var names = LawParameterNames.Of(form);
        var missing = names.Where(n => !values.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"{LawForms.ALaw(form)} needs {string.Join(", ", missing)}", nameof(values));
        var extra = values.Keys.Where(k => !names.Contains(k)).ToList();
        if (extra.Count > 0)
            throw new ArgumentException($"{LawForms.ALaw(form)} has no parameter {string.Join(", ", extra)}", nameof(values));
        Form = form;
        Values = names.Select(n => values[n]).ToImmutableArray();
    }

    public LawForm Form { get; }

    /// <summary>The momentum decay λ of the annealing area this law was fitted with, when the law
    /// says it (<c>lambda = …</c> in its block): it then replaces the schedule's setting for this
    /// law alone (docs/laws.md §1). Null: the schedule's.</summary>
    public double? Lambda { get; init; }

    /// <summary>Values in the order of <c>LawParameterNames.Of(Form)</c>.</summary>
    public ImmutableArray<double> Values { get; }

    public ImmutableArray<string> Names => LawParameterNames.Of(Form);

    public double this[string name] => TryGet(name, out var v) ? v
        : throw new KeyNotFoundException($"{LawForms.ALaw(Form)} has no parameter {name}");

    public bool TryGet(string name, out double value)
    {
        int i = Names.IndexOf(name);
        value = i >= 0 ? Values[i] : 0;
        return i >= 0;
    }

    public bool Equals(LawParameters? other) =>
        other is not null && Form == other.Form && Lambda == other.Lambda && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Form, Values.Length > 0 ? Values[0] : 0);
}
