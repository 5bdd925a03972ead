using System.Collections.Immutable;

namespace CptLang.Laws.Laws;

/// <summary>The keyword of each <see cref="LawForm"/> in docs, JSON and <c>cptc fit --form</c>
/// (docs/cli.md): one table, read both ways.</summary>
public static class LawForms
{
    static readonly ImmutableArray<(LawForm Form, string Keyword)> Table =
    [
        (LawForm.Annealing, "eq1"),
        (LawForm.Cpt, "eq4"),
        (LawForm.Replay, "replay"),
        (LawForm.ModelSize, "size"),
        (LawForm.OpenModel, "open"),
        (LawForm.MultiPower, "mpl"),
    ];

    /// <summary>Every keyword, in the order of <see cref="LawForm"/>.</summary>
    public static ImmutableArray<string> Keywords { get; } = [.. Table.Select(t => t.Keyword)];

    public static string Keyword(LawForm form)
    {
        foreach (var (f, keyword) in Table) if (f == form) return keyword;
        throw new ArgumentOutOfRangeException(nameof(form), form, null);
    }

    /// <summary>"an eq1 law", "a replay law": the keyword with its article, for messages.</summary>
    public static string ALaw(LawForm form)
    {
        string keyword = Keyword(form);
        return $"{("aeiou".Contains(keyword[0]) ? "an" : "a")} {keyword} law";
    }

    /// <summary>The form of <paramref name="keyword"/> (exact, case-sensitive).</summary>
    public static bool TryParse(string keyword, out LawForm form)
    {
        foreach (var (f, k) in Table)
            if (string.Equals(k, keyword, StringComparison.Ordinal)) { form = f; return true; }
        form = default;
        return false;
    }
}
