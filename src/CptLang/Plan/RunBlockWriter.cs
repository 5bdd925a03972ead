using CptLang.Laws.Schedules;
using CptLang.Syntax.Factory;

namespace CptLang.Plan;

/// <summary>
/// Writes an <see cref="EvaluationPlan"/> back as a plain <c>run</c> block (<c>cptc optimize
/// --emit</c>): every phase with its length in steps and its LRs as absolute numbers, so the
/// block compiles to the same plan and can be committed as it is. Formatted canonically.
/// </summary>
public static class RunBlockWriter
{
    public static string Write(EvaluationPlan plan, string name, string? comment = null)
    {
        var settings = new List<SourceSetting> { SourceSetting.Of("peak_lr", plan.PeakLr) };
        if (plan.TokensPerStep is double tps) settings.Add(SourceSetting.Of("tokens_per_step", tps));
        if (plan.Settings.Lambda != PlanSettings.DefaultLambda) settings.Add(SourceSetting.Of("lambda", plan.Settings.Lambda));
        if (plan.Settings.WarmupArea != WarmupArea.Peak) settings.Add(SourceSetting.Of("warmup_area", SettingNames.Of(plan.Settings.WarmupArea)));
        if (plan.Settings.S2Split != S2Split.Step) settings.Add(SourceSetting.Of("s2_split", SettingNames.Of(plan.Settings.S2Split)));
        var stages = new List<SourceStage>();
        double? previous = null;
        for (int s = 0; s < plan.Stages.Length; s++)
        {
            var stage = plan.Stages[s];
            if (stage.Kind == StageKind.UnknownPretraining)
            {
                stages.Add(new SourceStage.Pretrained(stage.Domain));
                continue;
            }
            var phases = new List<SourcePhase>();
            foreach (var segment in plan.Segments.Where(x => x.Stage == s))
            {
                Phase(phases, segment, previous);
                previous = segment.Kernel.To;
            }
            stages.Add(stage.Kind == StageKind.Pretraining ? new SourceStage.Train(stage.Domain, phases)
                : new SourceStage.SwitchTo(stage.Domain, phases,
                    stage.ReplayRatio > 0 && plan.Pretraining is { } pt ? (pt.Domain, stage.ReplayRatio * 100) : null));
        }
        return SyntaxFactory.Run(new SourceRun(name, settings, stages), SourceStyle.Emit, comment?.Split('\n'));
    }

    /// <summary>One phase. It continues from <paramref name="previous"/> (the LR before it) when
    /// it can; a fall is written as the `drop` it is, since the compiler warns about silent jumps.
    /// A warmup without `from` starts at 0.</summary>
    static void Phase(List<SourcePhase> phases, Segment segment, double? previous)
    {
        var k = segment.Kernel;
        bool warmup = segment.Phase == PhaseKind.Warmup && k.From != k.To;
        bool continues = warmup ? k.From == 0 : previous == k.From;
        if (!continues && !warmup && previous is double before && k.From < before)
        {
            phases.Add(new SourcePhase.Drop(k.From));
            continues = true;
        }
        double? from = continues ? null : k.From;
        if (k.Shape == Shape.Constant || k.From == k.To)
            phases.Add(new SourcePhase.Stable(segment.Length, k.From));
        else if (warmup)
            phases.Add(new SourcePhase.Warmup(segment.Length, from, k.To, k.Shape, k.Exponent));
        else
            phases.Add(new SourcePhase.Decay(segment.Length, from, k.To, k.Shape, k.Exponent));
    }
}
