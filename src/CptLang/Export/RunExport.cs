using System.Collections.Immutable;
using System.Text;
using CptLang.Diagnostics;
using CptLang.Export.Frameworks;
using CptLang.Export.Tables;
using CptLang.Laws.Schedules;

namespace CptLang.Export;

/// <summary>What <c>cptc export</c> produced: the bytes to write (none when there are errors)
/// and the diagnostics (errors at the phases a target cannot express; warnings for approximations).</summary>
public sealed record ExportOutput(byte[]? Content, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<StageConfig> Stages);

/// <summary>One run of a compiled file → one export target.</summary>
public static class RunExport
{
    /// <param name="stage">Only this stage's domain (framework targets), or every stage when null.</param>
    /// <param name="approximate">Emit the closest framework settings even when they are not exact (a warning states the deviation).</param>
    public static ExportOutput Export(Compilation compilation, EvaluationPlan plan, ExportTarget target, string? stage = null, bool approximate = false)
    {
        if (!target.IsFramework())
            return new(target switch
            {
                ExportTarget.Csv => Utf8(LearningRateTable.Csv(plan)),
                ExportTarget.Json => Utf8(LearningRateTable.Json(plan)),
                ExportTarget.Npy => LearningRateTable.Npy(plan),
                _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
            }, [], []);

        var run = compilation.Bound.Runs.Single(r => r.Name == plan.Run);
        var stages = StageSchedule.Of(plan, run).Where(s => stage is null || s.Domain == stage);
        var (configs, diagnostics) = FrameworkExport.Map(stages, target, approximate);
        if (configs.IsEmpty) return new(null, diagnostics, []);
        string text = target switch
        {
            ExportTarget.Hf => HfJson.Write(plan.Run, configs),
            ExportTarget.Megatron => MegatronFlags.Write(plan.Run, configs),
            ExportTarget.Torchtitan => TorchtitanConfig.Write(plan.Run, configs),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
        return new(Utf8(text), diagnostics, configs);
    }

    static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
