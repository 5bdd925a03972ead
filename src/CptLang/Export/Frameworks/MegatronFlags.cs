using System.Text;
using static CptLang.Export.Frameworks.ConfigNumbers;

namespace CptLang.Export.Frameworks;

/// <summary>
/// <c>--target megatron</c>: one line of Megatron-LM flags per stage, after a comment naming the
/// stage, its steps and the checkpoint it resumes from. Iteration-based flags throughout.
/// </summary>
public static class MegatronFlags
{
    public static string Write(string run, IReadOnlyList<StageConfig> stages)
    {
        var text = new StringBuilder();
        foreach (var stage in stages)
        {
            text.Append(StageComment.Of(run, stage)).Append('\n');
            text.Append(Flags((MegatronSchedule)stage.Config)).Append('\n');
        }
        return text.ToString();
    }

    public static string Flags(MegatronSchedule m)
    {
        var flags = new List<string>
        {
            "--lr", Real(m.Lr), "--min-lr", Real(m.MinLr),
            "--lr-warmup-iters", Integer(m.WarmupIters), "--lr-warmup-init", Real(m.WarmupInit),
            "--lr-decay-style", m.DecayStyle,
        };
        if (m.WsdDecayStyle is not null) flags.AddRange(["--lr-wsd-decay-style", m.WsdDecayStyle, "--lr-wsd-decay-iters", Integer(m.WsdDecayIters)]);
        flags.AddRange(["--lr-decay-iters", Integer(m.DecayIters), "--train-iters", Integer(m.TrainIters)]);
        return string.Join(' ', flags);
    }
}

/// <summary>The comment line that introduces a stage in the text targets.</summary>
internal static class StageComment
{
    public static string Of(string run, StageConfig stage)
    {
        var s = stage.Stage;
        string resume = s.Stage.Kind != Laws.Schedules.StageKind.Continual ? "from scratch"
            : s.ResumeFromStep == 0 ? "from the pre-trained checkpoint, with the scheduler's step count at 0"
            : $"resume from the checkpoint of step {s.ResumeFromStep}, with the scheduler's step count restarted at 0";
        string replay = s.Stage.ReplayRatio > 0 ? $", replay {Real(s.Stage.ReplayRatio)}" : "";
        string deviation = stage.Deviation.IsExact ? "exact" : $"APPROXIMATE: LR off by up to {stage.Deviation.Text}";
        return $"# cptc export: run {run}, stage {s.Domain}{replay}: steps {s.FirstStep}..{s.LastStep} ({resume}); {deviation}";
    }
}
