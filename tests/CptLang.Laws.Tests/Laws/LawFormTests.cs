using CptLang.Laws.Areas;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Laws.LawParameterNames;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Laws;

/// <summary>Each law form against the formula of docs/laws.md §2–3 written out by hand.</summary>
public class LawFormTests
{
    // A point after the switch with every area non-zero.
    static readonly AreaPoint Point = new(1500, 1e-4, S1pt: 4.0, S1cpt: 0.05, S2pt: 0.15, S2cpt: 0.03);

    const double L0v = 3.0, Av = 0.5, AlphaV = 0.5, Cv = 0.3, C1v = 0.3, C2v = 0.25, Bv = 0.4, Ev = 30, BetaV = 0.2;

    static EvaluationPlan TwoStagePlan(double replay = 0) =>
        TwoStage(PlanSettings.Default, [Constant(1000, 2e-4)], [Constant(1000, 1e-4)], replay);

    static LawParameters Params(LawForm form, params (string Name, double Value)[] values) =>
        new(form, values.ToDictionary(v => v.Name, v => v.Value));

    static double Shift(double b, double e, double beta, double s1cpt) => b * (1 - Math.Pow(1 + e * s1cpt, -beta));

    static double Evaluate(EvaluationPlan plan, LawDefinition law, AreaPoint? at = null) =>
        new LossPredictor(plan, [law]).Loss(0, at ?? Point).Value;

    [Fact]
    public void Annealing_law_uses_the_areas_of_the_whole_run()
    {
        var law = new ParametricLaw("any", Params(LawForm.Annealing, (L0, L0v), (A, Av), (Alpha, AlphaV), (C, Cv)));
        double expected = L0v + Av * Math.Pow(4.05, -AlphaV) - Cv * (0.15 + 0.03);
        Assert.Equal(expected, Evaluate(TwoStagePlan(), law), 14);
    }

    [Fact]
    public void Cpt_law_adds_the_distribution_shift()
    {
        var law = new ParametricLaw(General, Params(LawForm.Cpt, (L0, L0v), (A, Av), (Alpha, AlphaV), (C1, C1v), (C2, C2v), (B, Bv), (E, Ev), (Beta, BetaV)));
        double expected = L0v + Av * Math.Pow(4.05, -AlphaV) - C1v * 0.15 - C2v * 0.03 + Shift(Bv, Ev, BetaV, 0.05);
        Assert.Equal(expected, Evaluate(TwoStagePlan(), law), 14);
    }

    static LawParameters ReplayParams => Params(LawForm.Replay, (L0, L0v), (A, Av), (Alpha, AlphaV), (C1, C1v), (C2, C2v), (B, Bv), (E, Ev), (Beta, BetaV), (A1, 0.05), (A2, 3.0));

    [Fact]
    public void Replay_law_on_the_general_set_follows_the_L_pt_equation()
    {
        const double rpt = 0.25, rcpt = 0.75;
        double expected = L0v + Av * Math.Pow(4.05, -AlphaV) - C1v * 0.15 - C2v * 0.03 * Math.Exp(0.05 * rpt)
            + Shift(Bv, Ev, BetaV, 0.05) * (1 - Math.Exp(-3.0 * rcpt));
        Assert.Equal(expected, Evaluate(TwoStagePlan(rpt), new ParametricLaw(General, ReplayParams)), 14);
    }

    [Fact]
    public void Replay_law_on_the_domain_set_follows_the_L_cpt_equation()
    {
        const double rpt = 0.25, rcpt = 0.75;
        double expected = L0v + Av * Math.Pow(4.05, -AlphaV) - C1v * 0.15 - C2v * 0.03 * Math.Exp(0.05 * rcpt)
            + Shift(Bv, Ev, BetaV, 0.05) * (Math.Exp(3.0 * rcpt) - 1);
        Assert.Equal(expected, Evaluate(TwoStagePlan(rpt), new ParametricLaw(Domain, ReplayParams)), 14);
    }

    [Fact]
    public void Replay_law_without_a_role_is_a_problem_not_a_guess()
    {
        var predictor = new LossPredictor(TwoStagePlan(0.2), [new ParametricLaw("c4", ReplayParams)]);
        var problem = Assert.Single(predictor.Problems);
        Assert.Equal(LawProblemKind.MissingRole, problem.Kind);
        Assert.Equal("c4", problem.Law);
        Assert.False(predictor.Laws[0].IsValid);
        Assert.False(predictor.LossAt(0, 10).IsDefined);
        Assert.Throws<InvalidOperationException>(() => predictor.LossAt(0, 10).Value);
    }

    [Fact]
    public void Model_size_law_takes_N_in_millions()
    {
        var law = new ParametricLaw(General, Params(LawForm.ModelSize, (L0, 1.8), (A, Av), (Alpha, AlphaV), (C1, 0.09), (C2, 0.1), (B, Bv), (E, Ev), (Beta, BetaV),
            (N, 594), (F, 3.0), (Gamma1, 0.2), (Gamma2, 0.15), (Gamma3, 0.19)));
        double expected = 1.8 + Av * Math.Pow(4.05, -AlphaV) - 0.09 * 0.15 * Math.Pow(594, 0.2) - 0.1 * 0.03 * Math.Pow(594, 0.15)
            + Shift(Bv, Ev, BetaV, 0.05) + 3.0 * Math.Pow(594, -0.19);
        Assert.Equal(expected, Evaluate(TwoStagePlan(), law), 13);
    }

    [Fact]
    public void Model_size_must_be_positive()
    {
        var law = new ParametricLaw(General, Params(LawForm.ModelSize, (L0, 1.8), (A, Av), (Alpha, AlphaV), (C1, 0.09), (C2, 0.1), (B, Bv), (E, Ev), (Beta, BetaV),
            (N, 0), (F, 3.0), (Gamma1, 0.2), (Gamma2, 0.15), (Gamma3, 0.19)));
        var problem = Assert.Single(new LossPredictor(TwoStagePlan(), [law]).Problems);
        Assert.Equal(LawProblemKind.InvalidParameter, problem.Kind);
    }

    [Fact]
    public void Open_model_law_takes_S1pt_from_its_parameters_and_has_no_C1_term()
    {
        var plan = OpenModel(PlanSettings.Default, Constant(1000, 1e-4));
        var law = new ParametricLaw(General, Params(LawForm.OpenModel, (L0, L0v), (A, Av), (Alpha, AlphaV), (C2, C2v), (B, Bv), (E, Ev), (Beta, BetaV), (S1pt, 12.5)));
        var point = new AreaPoint(500, 1e-4, S1pt: 0, S1cpt: 0.05, S2pt: 0, S2cpt: 0.03);
        double expected = L0v + Av * Math.Pow(12.5 + 0.05, -AlphaV) - C2v * 0.03 + Shift(Bv, Ev, BetaV, 0.05);
        Assert.Equal(expected, Evaluate(plan, law, point), 14);
        // From the plan itself: S1cpt = 500·1e-4 at step 500, S2 = 0 for a constant LR.
        double fromPlan = new LossPredictor(plan, [law]).LossAt(0, 500).Value;
        Assert.Equal(L0v + Av * Math.Pow(12.55, -AlphaV) + Shift(Bv, Ev, BetaV, 0.05), fromPlan, 12);
    }

    [Fact]
    public void Weighted_sum_is_the_weighted_sum_of_its_laws()
    {
        var plan = TwoStagePlan();
        LawDefinition[] laws =
        [
            .. TestLaws.Fig3,
            new WeightedSumLaw("c4", [new WeightedTerm(0.867, General), new WeightedTerm(0.152, Domain)]),
        ];
        var predictor = new LossPredictor(plan, laws);
        Assert.Empty(predictor.Problems);
        Assert.Null(predictor.Laws[2].Form);
        Assert.Equal(ValidationRole.Unspecified, predictor.Laws[2].Role);
        foreach (long s in new long[] { 1, 999, 1000, 1001, 2000 })
        {
            double expected = 0.867 * predictor.LossAt(0, s).Value + 0.152 * predictor.LossAt(1, s).Value;
            Assert.Equal(expected, predictor.LossAt(2, s).Value, 14);
        }
    }

    [Fact]
    public void Weighted_sums_report_unknown_nested_and_invalid_terms()
    {
        LawDefinition[] laws =
        [
            new ParametricLaw("c4", ReplayParams), // replay without a role: invalid
            new WeightedSumLaw("unknown", [new WeightedTerm(1, "nope")]),
            new WeightedSumLaw("nested", [new WeightedTerm(1, "unknown")]),
            new WeightedSumLaw("dependent", [new WeightedTerm(1, "c4")]),
        ];
        var problems = new LossPredictor(TwoStagePlan(), laws).Problems.ToDictionary(p => p.Law, p => p.Kind);
        Assert.Equal(LawProblemKind.MissingRole, problems["c4"]);
        Assert.Equal(LawProblemKind.UnknownLaw, problems["unknown"]);
        Assert.Equal(LawProblemKind.NotParametric, problems["nested"]);
        Assert.Equal(LawProblemKind.DependsOnInvalidLaw, problems["dependent"]);
    }

    [Fact]
    public void Duplicate_names_keep_the_first_law()
    {
        var predictor = new LossPredictor(TwoStagePlan(), [.. TestLaws.Fig3, TestLaws.Fig3[0]]);
        Assert.Equal(LawProblemKind.DuplicateName, Assert.Single(predictor.Problems).Kind);
        Assert.True(predictor.Laws[0].IsValid);
        Assert.False(predictor.Laws[2].IsValid);
        Assert.Equal(0, predictor.IndexOf(General));
    }

    [Fact]
    public void Roles_follow_the_domain_names()
    {
        var plan = TwoStagePlan();
        Assert.Equal(ValidationRole.General, ValidationRoles.Of(General, plan));
        Assert.Equal(ValidationRole.Domain, ValidationRoles.Of(Domain, plan));
        Assert.Equal(ValidationRole.Unspecified, ValidationRoles.Of("c4", plan));
    }
}
