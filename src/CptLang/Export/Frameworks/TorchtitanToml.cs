using System.Text;
using static CptLang.Export.Frameworks.ConfigNumbers;

namespace CptLang.Export.Frameworks;

/// <summary>
/// <c>--target torchtitan</c>: per stage, a TOML document with <c>[training] steps</c>,
/// <c>[optimizer] lr</c> and the <c>[lr_scheduler]</c> section (<c>lr_min</c> is a ratio of
/// <c>lr</c>). Two stages give two documents, each after its comment line (select one with --stage).
/// </summary>
public static class TorchtitanToml
{
    public static string Write(string run, IReadOnlyList<StageConfig> stages)
    {
        var text = new StringBuilder();
        foreach (var stage in stages)
        {
            if (text.Length > 0) text.Append('\n');
            var t = (TorchtitanSchedule)stage.Config;
            text.Append(StageComment.Of(run, stage)).Append('\n')
                .Append("[training]\n")
                .Append("steps = ").Append(Integer(t.Steps)).Append('\n')
                .Append('\n')
                .Append("[optimizer]\n")
                .Append("lr = ").Append(Real(t.Lr)).Append('\n')
                .Append('\n')
                .Append("[lr_scheduler]\n")
                .Append("warmup_steps = ").Append(Integer(t.WarmupSteps)).Append('\n')
                .Append("decay_ratio = ").Append(Real(t.DecayRatio ?? 0)).Append('\n')
                .Append("decay_type = \"").Append(t.DecayType).Append("\"\n")
                .Append("lr_min = ").Append(Real(t.LrMin)).Append('\n');
        }
        return text.ToString();
    }
}
