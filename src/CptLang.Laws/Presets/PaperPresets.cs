using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using CptLang.Laws.Laws;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Laws.Presets;

/// <summary>
/// The parameter sets published in CPT (Wang et al., arXiv 2505.07796; docs/laws.md §6), by dotted
/// name. Signs of <c>B</c> are restored from the plotted curves (positive on the general set,
/// negative on the domain set).
/// </summary>
public static class PaperPresets
{
    const string FineWebToKp = "106M, FineWeb → Knowledge-Pile";

    /// <summary>Every law preset, in the order of the paper's figures.</summary>
    public static ImmutableArray<LawPreset> All { get; } =
    [
        Cpt("paper.fig3.general", ValidationRole.General, $"Fig. 3/10, {FineWebToKp}; FineWeb validation (D_pt)",
            3.057, 0.490, 0.497, 0.366, 28, 0.189, 0.299, 0.298),
        Cpt("paper.fig3.domain", ValidationRole.Domain, $"Fig. 3/10, {FineWebToKp}; Knowledge-Pile validation (D_cpt)",
            3.024, 0.412, 0.677, -0.666, 5662, 0.146, 0.278, 0.324),
        Cpt("paper.fig11.general", ValidationRole.General, "Fig. 11, 106M, FineWeb → Pile-of-Law; FineWeb validation (D_pt)",
            3.064, 0.482, 0.511, 1.353, 37, 0.262, 0.294, 0.264),
        Cpt("paper.fig11.domain", ValidationRole.Domain, "Fig. 11, 106M, FineWeb → Pile-of-Law; Pile-of-Law validation (D_cpt)",
            2.978, 0.485, 0.701, -1.409, 383, 0.368, 0.274, 0.298),
        ModelSize("paper.fig15.general", ValidationRole.General, "Fig. 15, 106M–1720M (Eq. 7, N in millions), FineWeb → Knowledge-Pile; FineWeb validation (D_pt)",
            1.829, 0.504, 0.537, 0.278, 12, 0.359, 0.090, 0.235, 0.103, 0.199, 3.072, 0.195),
        ModelSize("paper.fig15.domain", ValidationRole.Domain, "Fig. 15, 106M–1720M (Eq. 7, N in millions), FineWeb → Knowledge-Pile; Knowledge-Pile validation (D_cpt)",
            1.860, 0.438, 0.585, -0.552, 187, 0.326, 0.333, 0.012, 0.140, 0.145, 2.718, 0.189),
        Cpt("paper.fig16_594m.general", ValidationRole.General, "Fig. 16, 594M, WSD, FineWeb → Knowledge-Pile; FineWeb validation (D_pt)",
            2.688, 0.526, 0.483, 29.121, 100, 0.001, 0.437, 0.395),
        Cpt("paper.fig16_594m.domain", ValidationRole.Domain, "Fig. 16, 594M, WSD, FineWeb → Knowledge-Pile; Knowledge-Pile validation (D_cpt)",
            2.657, 0.443, 0.566, -0.518, 100, 0.424, 0.360, 0.358),
        Cpt("paper.fig16_1720m.general", ValidationRole.General, "Fig. 16, 1720M, WSD, FineWeb → Knowledge-Pile; FineWeb validation (D_pt)",
            2.496, 0.569, 0.474, 8.710, 100, 0.004, 0.485, 0.438),
        Cpt("paper.fig16_1720m.domain", ValidationRole.Domain, "Fig. 16, 1720M, WSD, FineWeb → Knowledge-Pile; Knowledge-Pile validation (D_cpt)",
            2.557, 0.407, 0.682, -0.527, 100, 0.390, 0.440, 0.412),
        Replay("paper.fig19.general", ValidationRole.General, $"Fig. 19, {FineWebToKp} with replay (Eq. 8); FineWeb validation (D_pt); beta not printed",
            3.067, 0.480, 0.510, 0.280, 0.263, 0.055, 0.276, 99.35, 3.238),
        Replay("paper.fig19.domain", ValidationRole.Domain, $"Fig. 19, {FineWebToKp} with replay (Eq. 8); Knowledge-Pile validation (D_cpt); beta not printed",
            2.992, 0.456, 0.510, 0.285, 0.279, 0.037, -0.526, 100.34, 5.696),
    ];

    /// <summary>Eq. 6 weights of Fig. 9 (FineWeb = general, Knowledge-Pile = domain, 106M).</summary>
    public static ImmutableArray<OodWeightPreset> OodWeights { get; } =
    [
        new("paper.fig9.c4", 0.867, 0.152, "Fig. 9, C4 validation as k1·FineWeb + k2·Knowledge-Pile"),
        new("paper.fig9.slimpajama", 0.622, 0.385, "Fig. 9, SlimPajama validation as k1·FineWeb + k2·Knowledge-Pile"),
        new("paper.fig9.stories", 1.409, -0.516, "Fig. 9, Stories validation as k1·FineWeb + k2·Knowledge-Pile"),
        new("paper.fig9.stackexchange", -0.546, 1.853, "Fig. 9, StackExchange validation as k1·FineWeb + k2·Knowledge-Pile"),
        new("paper.fig9.arxiv", -0.609, 1.631, "Fig. 9, ArXiv validation as k1·FineWeb + k2·Knowledge-Pile"),
        new("paper.fig9.books", 0.611, 0.475, "Fig. 9, Books validation as k1·FineWeb + k2·Knowledge-Pile"),
    ];

    static readonly ImmutableDictionary<string, LawPreset> ByName = All.ToImmutableDictionary(p => p.Name, StringComparer.Ordinal);
    static readonly ImmutableDictionary<string, OodWeightPreset> OodByName = OodWeights.ToImmutableDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The names of <see cref="All"/> (for "unknown preset, did you mean …").</summary>
    public static ImmutableArray<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>The names of <see cref="OodWeights"/>.</summary>
    public static ImmutableArray<string> OodNames { get; } = [.. OodWeights.Select(p => p.Name)];

    public static bool TryGet(string name, [MaybeNullWhen(false)] out LawPreset preset) => ByName.TryGetValue(name, out preset);

    public static LawPreset Get(string name) => ByName.TryGetValue(name, out var preset)
        ? preset
        : throw new KeyNotFoundException($"no preset '{name}'; the presets are {string.Join(", ", Names)}");

    public static bool TryGetOodWeights(string name, [MaybeNullWhen(false)] out OodWeightPreset preset) => OodByName.TryGetValue(name, out preset);

    static LawPreset Cpt(string name, ValidationRole role, string description,
        double l0, double a, double alpha, double b, double e, double beta, double c1, double c2) =>
        Make(name, LawForm.Cpt, role, description, new()
        {
            [L0] = l0, [A] = a, [Alpha] = alpha, [B] = b, [E] = e, [Beta] = beta, [C1] = c1, [C2] = c2,
        });

    static LawPreset ModelSize(string name, ValidationRole role, string description,
        double l0, double a, double alpha, double b, double e, double beta, double c1, double gamma1, double c2, double gamma2, double f, double gamma3) =>
        Make(name, LawForm.ModelSize, role, description, new()
        {
            [L0] = l0, [A] = a, [Alpha] = alpha, [B] = b, [E] = e, [Beta] = beta,
            [C1] = c1, [Gamma1] = gamma1, [C2] = c2, [Gamma2] = gamma2, [F] = f, [Gamma3] = gamma3,
        });

    static LawPreset Replay(string name, ValidationRole role, string description,
        double l0, double a, double alpha, double c1, double c2, double a1, double b, double e, double a2) =>
        Make(name, LawForm.Replay, role, description, new()
        {
            [L0] = l0, [A] = a, [Alpha] = alpha, [C1] = c1, [C2] = c2, [A1] = a1, [B] = b, [E] = e, [A2] = a2,
        });

    static LawPreset Make(string name, LawForm form, ValidationRole role, string description, Dictionary<string, double> values)
    {
        var missing = LawParameterNames.Of(form).Where(n => !values.ContainsKey(n)).ToImmutableArray();
        return new LawPreset(name, form, role, values.ToImmutableDictionary(StringComparer.Ordinal), missing, description);
    }
}
