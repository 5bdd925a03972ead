using CptLang.Laws.Derived;
using CptLang.Laws.Planning;
using CptLang.Laws.Schedules;
using CptLang.Laws.Tests.Support;
using static CptLang.Laws.Tests.Planning.SweepFixtures;

namespace CptLang.Laws.Tests.Planning;

/// <summary>What each axis does to the base run, and what stays outside the family.</summary>
public class RunFamilyTests
{
    static EvaluationPlan Build(Choice choice) => new RunFamily(Fig3Run()).Build(choice, out _)!;

    static Segment[] Continual(EvaluationPlan plan) => [.. plan.Segments.Where(s => s.FirstStep > plan.SwitchStep)];

    [Fact]
    public void The_cpt_peak_lr_scales_the_cpt_stage_and_leaves_pretraining_alone()
    {
        var plan = Build(new Choice(CptPeakLr: 1e-4));
        var cpt = Continual(plan);
        Assert.Equal(new Kernel(Shape.Linear, 0, 1e-4), cpt[0].Kernel);
        Assert.Equal(new Kernel(Shape.Cosine, 1e-4, 0), cpt[1].Kernel);
        Assert.Equal(Fig3Run().Segments.Take(2), plan.Segments.Take(2));
        Assert.Equal(50000, plan.TotalSteps);
    }

    [Fact]
    public void The_cpt_length_stretches_every_phase_in_proportion()
    {
        var plan = Build(new Choice(CptSteps: 25000));
        var cpt = Continual(plan);
        Assert.Equal([2500L, 22500L], cpt.Select(s => s.Length));
        Assert.Equal(65000, plan.TotalSteps);
        Assert.Equal(65000, plan.Continual!.LastStep);
    }

    [Fact]
    public void The_decay_fraction_keeps_the_warmup_and_holds_the_rest_at_the_decay_start()
    {
        var plan = Build(new Choice(CptSteps: 10000, DecayFraction: 0.5));
        var cpt = Continual(plan);
        Assert.Equal([1000L, 4000L, 5000L], cpt.Select(s => s.Length));
        Assert.Equal(Kernel.Constant(2e-5), cpt[1].Kernel);
        Assert.Equal(PhaseKind.Decay, cpt[2].Phase);
    }

    [Fact]
    public void The_decay_shape_replaces_the_final_decay_shape_only()
    {
        var plan = Build(new Choice(DecayShape: new ShapeChoice(Shape.Polynomial, 2)));
        var cpt = Continual(plan);
        Assert.Equal(Shape.Linear, cpt[0].Kernel.Shape);
        Assert.Equal(new Kernel(Shape.Polynomial, 2e-5, 0, 2), cpt[1].Kernel);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void The_loss_potential_moves_the_end_of_pretraining_and_is_what_LossPotential_reads(double lp)
    {
        var plan = Build(new Choice(LossPotential: lp));
        Assert.Equal(lp, LossPotential.Of(plan)!.Value, 12);
        Assert.Equal(2e-4, plan.Segments[1].Kernel.From);
    }

    [Fact]
    public void Replay_sets_the_ratio_of_the_cpt_stage()
    {
        Assert.Equal(0.35, Build(new Choice(ReplayRatio: 0.35)).Continual!.ReplayRatio);
    }

    [Fact]
    public void Choices_outside_the_family_are_refused_with_a_reason()
    {
        var family = new RunFamily(Fig3Run());
        Assert.Null(family.Build(new Choice(DecayShape: new ShapeChoice(Shape.Exponential)), out string? why));
        Assert.Contains("above 0", why);
        Assert.Null(family.Build(new Choice(CptSteps: 1500, DecayFraction: 0.9), out why));
        Assert.Contains("do not fit", why);
    }

    [Fact]
    public void A_run_without_a_switch_or_a_final_decay_cannot_be_swept()
    {
        var single = Plans.Single(PlanSettings.Default, Plans.Constant(1000, 2e-4));
        Assert.Contains("no domain switch", RunFamily.Problem(single, []));
        var flatEnd = Plans.TwoStage(PlanSettings.Default, [Plans.Constant(1000, 2e-4)], [Plans.Constant(1000, 1e-4)]);
        Assert.Contains("does not end with a decay", RunFamily.Problem(flatEnd, [AxisKind.DecayFraction]));
        Assert.Contains("pre-training does not end with a decay", RunFamily.Problem(flatEnd, [AxisKind.LossPotential]));
        Assert.Null(RunFamily.Problem(flatEnd, [AxisKind.CptPeakLr, AxisKind.ReplayRatio, AxisKind.CptSteps]));
    }

    [Theory]
    [InlineData(0.1, 2.6671, 3.2567)]
    [InlineData(0.5, 2.6069, 3.3181)]
    [InlineData(1.0, 2.5814, 3.3401)]
    public void Loss_potential_candidates_reproduce_the_T4_regression_targets(double lp, double domain, double general)
    {
        // docs/laws.md §10 T4: CPT continues from pre-training's final LR, linearly to 0.
        var basePlan = Plans.TwoStage(PlanSettings.Default,
            [Plans.Constant(36000, 2e-4), Plans.Linear(4000, 2e-4, 1e-4)], [Plans.Linear(10000, 1e-4, 0)]);
        var problem = Problem(basePlan, TestLaws.Fig3, 0.5, [SweepAxis.List(AxisKind.LossPotential, [lp])]);
        var result = new CandidateEvaluator(problem).Evaluate(0, [lp], out _)!;
        Assert.Equal(domain, result.DomainLoss!.Value, 5e-5); // the table is rounded to 4 decimals
        Assert.Equal(general, result.GeneralLoss!.Value, 5e-5);
    }
}
