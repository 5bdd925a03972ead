using CptLang.Laws.Laws;

namespace CptLang.Laws.Tests.Laws;

/// <summary>The one table of which law form suits which run.</summary>
public class RunLawRulesTests
{
    static readonly RunFacts Single = new("web", false, null, 0);
    static readonly RunFacts Switching = new("web", false, "code", 0);
    static readonly RunFacts Replaying = new("web", false, "code", 0.25);
    static readonly RunFacts Open = new("web", true, "code", 0);

    public static TheoryData<LawForm, string, string, RunLawMismatch[]> Cases => new()
    {
        { LawForm.Annealing, "web", nameof(Single), [] },
        { LawForm.Annealing, "web", nameof(Switching), [RunLawMismatch.AnnealingAcrossSwitch] },
        { LawForm.Cpt, "web", nameof(Switching), [] },
        { LawForm.Cpt, "code", nameof(Replaying), [RunLawMismatch.ReplayNeedsReplayForm] },
        { LawForm.Replay, "code", nameof(Replaying), [] },
        { LawForm.Replay, "c4", nameof(Replaying), [RunLawMismatch.ReplayFormWithoutRole] },
        { LawForm.Replay, "c4", nameof(Single), [] },
        { LawForm.OpenModel, "code", nameof(Open), [] },
        { LawForm.OpenModel, "code", nameof(Switching), [RunLawMismatch.OpenFormWithKnownPretraining] },
        { LawForm.Cpt, "code", nameof(Open), [RunLawMismatch.UnknownPretrainingNeedsOpenForm] },
        { LawForm.Annealing, "code", nameof(Open), [RunLawMismatch.UnknownPretrainingNeedsOpenForm, RunLawMismatch.AnnealingAcrossSwitch] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_form_suits_the_runs_the_laws_describe(LawForm form, string law, string run, RunLawMismatch[] expected)
    {
        var facts = run switch { nameof(Single) => Single, nameof(Switching) => Switching, nameof(Replaying) => Replaying, _ => Open };
        Assert.Equal(expected, RunLawRules.Mismatches(form, law, facts));
    }
}
