using System.Collections.Immutable;

namespace CptLang.LanguageServer.Analysis;

/// <summary>What each law parameter means, in one line (docs/language.md §7, docs/laws.md §2–3).</summary>
internal static class LawParameterDocs
{
    public static ImmutableDictionary<string, string> Meaning { get; } = new Dictionary<string, string>
    {
        ["L0"] = "the loss floor: what the loss tends to with an unbounded forward area",
        ["A"] = "scale of the power law in the forward area, A·S1^(−alpha)",
        ["alpha"] = "exponent of the forward-area power law: how fast more learning-rate area lowers the loss",
        ["C"] = "annealing coefficient (Eq. 1): how much the annealing area S2 lowers the loss",
        ["C1"] = "annealing coefficient of pre-training's annealing area S2pt",
        ["C2"] = "annealing coefficient of the CPT annealing area S2cpt",
        ["B"] = "size of the distribution shift after the switch: > 0 the loss rises (general set), < 0 it falls (new domain's set)",
        ["E"] = "pace of the distribution shift in the CPT forward area S1cpt, in (1 + E·S1cpt)^(−beta)",
        ["beta"] = "exponent of the distribution-shift term",
        ["a1"] = "replay: scales the CPT annealing term by e^(a1·r) (Eq. 8)",
        ["a2"] = "replay: modulates the distribution shift by the replay ratio (Eq. 8)",
        ["N"] = "model size, non-embedding parameters (106M, 1.72B); converted to millions for Eq. 7",
        ["F"] = "coefficient of the model-size term F·N^(−gamma3) (Eq. 7)",
        ["gamma1"] = "how C1 scales with model size, N^gamma1 (Eq. 7)",
        ["gamma2"] = "how C2 scales with model size, N^gamma2 (Eq. 7)",
        ["gamma3"] = "exponent of the model-size term F·N^(−gamma3) (Eq. 7)",
        ["S1pt"] = "forward area of an unknown pre-training (open model, CPT §6): fitted, not computed",
        ["lambda"] = "this law's own momentum decay of the annealing area S2, in place of the schedule's lambda setting (cptc fit --fit-lambda chooses it)",
    }.ToImmutableDictionary();
}
