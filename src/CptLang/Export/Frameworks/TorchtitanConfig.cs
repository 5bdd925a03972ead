using System.Text;
using static CptLang.Export.Frameworks.ConfigNumbers;

namespace CptLang.Export.Frameworks;

/// <summary>
/// <c>--target torchtitan</c>: per stage, after its comment line, the settings twice: as one line of
/// torchtitan's command-line flags, and as assignments to the <c>Trainer.Config</c> a Python config
/// function returns (torchtitan's configs are Python since 9810191bb; docs/export.md). The LR is
/// the first param group's <c>optimizer_kwargs["lr"]</c>.
/// </summary>
public static class TorchtitanConfig
{
    /// <summary>(flag, Python target, value as Python writes it) per setting, in output order.</summary>
    public static IReadOnlyList<(string Flag, string Field, string Value)> Settings(TorchtitanSchedule t) =>
    [
        ("--training.steps", "training.steps", Integer(t.Steps)),
        ("--optimizer.param-groups.0.optimizer-kwargs.lr", "optimizer.param_groups[0].optimizer_kwargs[\"lr\"]", Real(t.Lr)),
        ("--lr_scheduler.warmup_steps", "lr_scheduler.warmup_steps", Integer(t.WarmupSteps)),
        ("--lr_scheduler.total_steps", "lr_scheduler.total_steps", Integer(t.Total)),
        ("--lr_scheduler.decay_ratio", "lr_scheduler.decay_ratio", Real(t.DecayRatio ?? 0)),
        ("--lr_scheduler.decay_type", "lr_scheduler.decay_type", $"\"{t.DecayType}\""),
        ("--lr_scheduler.min_lr_factor", "lr_scheduler.min_lr_factor", Real(t.MinLrFactor)),
    ];

    public static string Flags(TorchtitanSchedule t) => string.Join(' ', Settings(t).Select(s => $"{s.Flag} {s.Value.Trim('"')}"));

    public static string Write(string run, IReadOnlyList<StageConfig> stages)
    {
        var text = new StringBuilder();
        foreach (var stage in stages)
        {
            if (text.Length > 0) text.Append('\n');
            var t = (TorchtitanSchedule)stage.Config;
            text.Append(StageComment.Of(run, stage)).Append('\n')
                .Append(Flags(t)).Append('\n')
                .Append("# or in the Python config function, on the Trainer.Config it returns:\n");
            foreach (var (_, field, value) in Settings(t))
                text.Append("config.").Append(field).Append(" = ").Append(value).Append('\n');
        }
        return text.ToString();
    }
}
