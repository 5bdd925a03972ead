using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Export.Frameworks;

namespace CptLang.Export;

/// <summary>One stage's framework settings and how far they are from cptc's schedule
/// (measured over every update; exact unless --allow-approximate let a deviation through).</summary>
public sealed record StageConfig(StageSchedule Stage, object Config, Deviation Deviation)
{
    public double LearningRateAt(long update) => Config switch
    {
        HfWsdSchedule hf => hf.LearningRateAt(update),
        MegatronSchedule megatron => megatron.LearningRateAt(update),
        TorchtitanSchedule titan => titan.LearningRateAt(update),
        _ => throw new InvalidOperationException($"unknown config {Config.GetType().Name}"),
    };
}

/// <summary>
/// Maps each stage of a run to a framework's scheduler settings, then evaluates the framework's
/// formula on every update and compares it with cptc's LR. A setting that is not exact is an
/// error at the phase holding the worst step, unless <c>approximate</c> is set, which turns it
/// into a warning that states the deviation.
/// </summary>
public static class FrameworkExport
{
    /// <summary>Longer runs are refused (CPT4206): the check of every step would take minutes.</summary>
    public const long MaxCheckedSteps = 1_000_000_000;

    public static (ImmutableArray<StageConfig> Stages, ImmutableArray<Diagnostic> Diagnostics) Map(
        IEnumerable<StageSchedule> stages, ExportTarget target, bool approximate)
    {
        var diagnostics = new DiagnosticBag();
        var configs = ImmutableArray.CreateBuilder<StageConfig>();
        string name = target.Name();
        foreach (var stage in stages)
        {
            if (PhasePattern.Read(stage, name, diagnostics) is not { } pattern) continue;
            object? config = target switch
            {
                ExportTarget.Hf => HfMapping.Map(stage, pattern, approximate, diagnostics),
                ExportTarget.Megatron => MegatronMapping.Map(stage, pattern, approximate, diagnostics),
                ExportTarget.Torchtitan => TorchtitanMapping.Map(stage, pattern, approximate, diagnostics),
                _ => throw new ArgumentOutOfRangeException(nameof(target), target, "not a framework target"),
            };
            if (config is null) continue;
            var candidate = new StageConfig(stage, config, Deviation.None);
            var deviation = Deviation.Measure(stage, candidate.LearningRateAt);
            if (!deviation.IsExact)
            {
                var phase = stage.Bound.Phases.First(p => p.Length > 0 && p.FirstStep <= deviation.Step && deviation.Step <= p.LastStep);
                var at = DiagnosticBuilder.At(phase.Syntax.Span);
                diagnostics.Add(approximate ? at.ApproximateExport(name, stage.Domain, deviation) : at.ExportNotExact(name, deviation));
                if (!approximate) continue;
            }
            configs.Add(candidate with { Deviation = deviation });
        }
        var sorted = diagnostics.Items.OrderBy(d => d.Span.Start).ToImmutableArray();
        return (sorted.Any(d => d.IsError) ? [] : configs.ToImmutable(), sorted);
    }
}
