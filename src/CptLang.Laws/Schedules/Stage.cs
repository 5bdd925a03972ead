namespace CptLang.Laws.Schedules;

public enum StageKind
{
    /// <summary>Pre-training on D_pt with a known schedule (<c>train</c>).</summary>
    Pretraining,
    /// <summary>Pre-training on D_pt whose schedule is unknown (<c>pretrained</c>, CPT §6):
    /// no steps; laws of the open-model form supply <c>S1pt</c>.</summary>
    UnknownPretraining,
    /// <summary>Continual pre-training on D_cpt after the domain switch (<c>switch to</c>).</summary>
    Continual,
}

/// <summary>
/// A run's stage on one data domain. An unknown pre-training stage has no steps
/// (<see cref="FirstStep"/> = 1, <see cref="LastStep"/> = 0).
/// </summary>
/// <param name="ReplayRatio"><c>r_pt</c>: the fraction of every batch drawn from the
/// pre-training domain during this stage (0 when there is no replay).</param>
public sealed record Stage(StageKind Kind, string Domain, long FirstStep, long LastStep, double ReplayRatio = 0)
{
    public long Length => LastStep - FirstStep + 1;
}
