using System.Collections.Immutable;
using CptLang.Laws.Laws;
using CptLang.Laws.Planning;
using CptLang.Laws.Presets;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Planning;

/// <summary>Runs, laws and a per-step reference for the optimiser's tests.</summary>
internal static class SweepFixtures
{
    /// <summary>The paper's main setting (docs/laws.md §10 T1 without the tail): PT 36k at 2e-4 then 4k
    /// linear to 0; CPT 1k warmup 0 → 2e-5, then 9k cosine to 0.</summary>
    public static EvaluationPlan Fig3Run(double replay = 0) => TwoStage(
        PlanSettings.Default,
        [Constant(36000, 2e-4), Linear(4000, 2e-4, 0)],
        [Warmup(1000, 0, 2e-5), Cosine(9000, 2e-5, 0)],
        replay);

    /// <summary>The Fig. 3 laws in the replay form (Eq. 8): a1 and the general set's a2 from the
    /// Fig. 19 fit; the domain's a2 = ln 2, so that no replay gives back Eq. 4 exactly.</summary>
    public static ImmutableArray<LawDefinition> ReplayLaws =>
    [
        new ParametricLaw(General, WithReplay("paper.fig3.general", 0.055, 3.238)),
        new ParametricLaw(Domain, WithReplay("paper.fig3.domain", 0.037, Math.Log(2))),
    ];

    static LawParameters WithReplay(string preset, double a1, double a2)
    {
        var p = PaperPresets.Get(preset).ToParameters();
        var values = p.Names.ToDictionary(n => n, n => p[n]);
        values[LawParameterNames.A1] = a1;
        values[LawParameterNames.A2] = a2;
        return new LawParameters(LawForm.Replay, values);
    }

    public static SweepProblem Problem(EvaluationPlan plan, IEnumerable<LawDefinition> laws, double generalWeight, SweepAxis[] axes, params Constraint[] constraints) =>
        new(new RunFamily(plan), [.. axes], [.. laws], Objective.Balance(General, generalWeight, Domain, 1 - generalWeight), [.. constraints]);

    /// <summary>Every law at every step of <paramref name="plan"/>, areas by the per-step
    /// recurrence of docs/laws.md §1 (not the closed forms).</summary>
    public static double[][] StepByStep(EvaluationPlan plan, IReadOnlyList<LawDefinition> laws)
    {
        var reference = ReferenceAreas.Walk(plan);
        var predictor = new LossPredictor(plan, laws);
        var curves = new double[predictor.Laws.Length][];
        for (int law = 0; law < curves.Length; law++)
        {
            curves[law] = new double[plan.TotalSteps];
            for (long s = 1; s <= plan.TotalSteps; s++) curves[law][s - 1] = predictor.Loss(law, reference.At(s)).Value;
        }
        return curves;
    }
}
