using CptLang.Laws.Schedules;

namespace CptLang.Laws.Laws;

/// <summary>Why a law of some form cannot (or should not) predict a run.</summary>
public enum RunLawMismatch
{
    /// <summary>The run replays pre-training data; only the replay form (Eq. 8) models that.</summary>
    ReplayNeedsReplayForm,
    /// <summary>A replay-form law on a run that switches, named after neither domain: which of the
    /// two replay equations applies is unknown.</summary>
    ReplayFormWithoutRole,
    /// <summary>The open-model form, but the run states its pre-training schedule.</summary>
    OpenFormWithKnownPretraining,
    /// <summary>The run continues an open checkpoint (schedule unknown); only the open-model form can.</summary>
    UnknownPretrainingNeedsOpenForm,
    /// <summary>The annealing law (Eq. 1) and the Multi-Power Law have no distribution-shift term:
    /// they do not see a switch.</summary>
    AnnealingAcrossSwitch,
}

/// <summary>
/// The one table of which law form suits which run (docs/laws.md §3). The binder reports every
/// mismatch at the law or the replay; <c>cptc fit</c> refuses a form that cannot predict the runs
/// it is fitted to. Each caller decides what a mismatch means for it, not what a mismatch is.
/// </summary>
public static class RunLawRules
{
    /// <param name="law">The law's name: with the run's domains it gives the law's role.</param>
    public static IEnumerable<RunLawMismatch> Mismatches(LawForm form, string law, RunFacts run)
    {
        if (run.ReplayRatio > 0 && form != LawForm.Replay) yield return RunLawMismatch.ReplayNeedsReplayForm;
        if (run.ContinualDomain is not null && form == LawForm.Replay
            && ValidationRoles.Of(law, run.PretrainingDomain, run.ContinualDomain) == ValidationRole.Unspecified)
            yield return RunLawMismatch.ReplayFormWithoutRole;
        if (form == LawForm.OpenModel && !run.UnknownPretraining) yield return RunLawMismatch.OpenFormWithKnownPretraining;
        if (run.UnknownPretraining && form != LawForm.OpenModel) yield return RunLawMismatch.UnknownPretrainingNeedsOpenForm;
        if (form is LawForm.Annealing or LawForm.MultiPower && run.ContinualDomain is not null) yield return RunLawMismatch.AnnealingAcrossSwitch;
    }
}

/// <summary>What the rules need to know of a run, from its plan or (in the binder) before there is one.</summary>
/// <param name="ContinualDomain">The domain after the switch; null for a run that does not switch.</param>
public sealed record RunFacts(string? PretrainingDomain, bool UnknownPretraining, string? ContinualDomain, double ReplayRatio)
{
    public static RunFacts Of(EvaluationPlan plan) => new(plan.Pretraining?.Domain,
        plan.Pretraining?.Kind == StageKind.UnknownPretraining, plan.Continual?.Domain, plan.Continual?.ReplayRatio ?? 0);
}
