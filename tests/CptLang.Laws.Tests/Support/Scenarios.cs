using CptLang.Laws.Schedules;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Support;

/// <summary>The runs of docs/laws.md §10.</summary>
internal static class Scenarios
{
    /// <summary>T1: PT 40k (2e-4 to 36k, then linear to 0), CPT 10k (linear warmup to 2e-5 over
    /// 1k, then cosine to 0).</summary>
    public static EvaluationPlan T1(S2Split split) => TwoStage(
        new PlanSettings(S2Split: split),
        [Constant(36000, 2e-4), Linear(4000, 2e-4, 0)],
        [Warmup(1000, 0, 2e-5), Cosine(9000, 2e-5, 0)]);

    /// <summary>T2 and the turning lengths: constant 2e-4 in both phases.</summary>
    public static EvaluationPlan ConstantTwoStage(long pretrainingSteps, long continualSteps) => TwoStage(
        PlanSettings.Default,
        [Constant(pretrainingSteps, 2e-4)],
        [Constant(continualSteps, 2e-4)]);

    /// <summary>T4: PT 40k, 2e-4 to 36k then linear to LP·2e-4; CPT 10k linear to 0.</summary>
    public static EvaluationPlan LossPotential(double lp) => TwoStage(
        PlanSettings.Default,
        [Constant(36000, 2e-4), Linear(4000, 2e-4, lp * 2e-4)],
        [Linear(10000, lp * 2e-4, 0)]);
}
