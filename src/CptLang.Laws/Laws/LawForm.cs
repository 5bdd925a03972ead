namespace CptLang.Laws.Laws;

/// <summary>Which equation a validation set's law follows (docs/laws.md §2–3).</summary>
public enum LawForm
{
    /// <summary>Eq. 1, the annealing law: <c>L0 A alpha C</c>. One distribution.</summary>
    Annealing,
    /// <summary>Eq. 4, the CPT law: <c>L0 A alpha C1 C2 B E beta</c>.</summary>
    Cpt,
    /// <summary>Eq. 8, the CPT law with replay: Eq. 4 plus <c>a1 a2</c>.</summary>
    Replay,
    /// <summary>Eq. 7, the CPT law across model sizes: Eq. 4 plus <c>N F gamma1 gamma2 gamma3</c>.</summary>
    ModelSize,
    /// <summary>CPT §6 / App. G, unknown pre-training: <c>L0 A alpha C2 B E beta S1pt</c>.</summary>
    OpenModel,
    /// <summary>The Multi-Power Law (Luo et al., ICLR 2025): <c>L0 A alpha B C beta gamma</c>. One
    /// distribution; its <c>B C beta</c> are not Eq. 4's (docs/laws.md §3, Multi-Power Law).</summary>
    MultiPower,
}

/// <summary>Whether a validation set is drawn from the pre-training or the new domain. It
/// follows from the law's name matching one of the run's domains, and picks which of the two
/// replay equations (Eq. 8) applies.</summary>
public enum ValidationRole { Unspecified, General, Domain }
