using System.Collections.Immutable;

namespace CptLang.Laws.Laws;

/// <summary>
/// The parameter names of each law form as written in .cpt files (docs/laws.md's notation), in
/// canonical order. The one place that says which parameters a form needs.
/// </summary>
public static class LawParameterNames
{
    public const string L0 = "L0", A = "A", Alpha = "alpha", C = "C", C1 = "C1", C2 = "C2",
        B = "B", E = "E", Beta = "beta", A1 = "a1", A2 = "a2", N = "N", F = "F",
        Gamma1 = "gamma1", Gamma2 = "gamma2", Gamma3 = "gamma3", S1pt = "S1pt",
        Gamma = "gamma";

    static readonly ImmutableArray<string> Cpt = [L0, A, Alpha, C1, C2, B, E, Beta];

    /// <summary>Every parameter name any form uses, in canonical order.</summary>
    public static ImmutableArray<string> All { get; } =
        [L0, A, Alpha, C, C1, C2, B, E, Beta, A1, A2, N, F, Gamma1, Gamma2, Gamma3, S1pt, Gamma];

    /// <summary>The parameters <paramref name="form"/> needs, all of them, in canonical order.</summary>
    public static ImmutableArray<string> Of(LawForm form) => form switch
    {
        LawForm.Annealing => [L0, A, Alpha, C],
        LawForm.Cpt => Cpt,
        LawForm.Replay => [.. Cpt, A1, A2],
        LawForm.ModelSize => [.. Cpt, N, F, Gamma1, Gamma2, Gamma3],
        LawForm.OpenModel => [L0, A, Alpha, C2, B, E, Beta, S1pt],
        LawForm.MultiPower => [L0, A, Alpha, B, C, Beta, Gamma],
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };
}
