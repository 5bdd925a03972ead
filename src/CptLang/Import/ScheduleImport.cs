using System.Text;
using CptLang.Diagnostics;
using CptLang.Export;
using CptLang.Formatting;
using static CptLang.Import.PhaseText;

namespace CptLang.Import;

/// <summary>The frameworks <c>cptc import</c> reads.</summary>
public enum ImportSource { Hf, Megatron, Torchtitan }

/// <summary>
/// A framework's settings → a .cpt run whose per-step LR is the framework's, checked on every
/// update before anything is written (a schedule that the phases do not reproduce exactly is
/// refused with CPT4211, never approximated). The text is in <c>cptc fmt</c>'s layout.
/// </summary>
public static class ScheduleImport
{
    public static readonly IReadOnlyList<string> Sources = ["hf", "megatron", "torchtitan"];

    /// <exception cref="ImportException">The settings are invalid (CPT4210) or have no exact .cpt form (CPT4211).</exception>
    public static string Import(ImportSource source, SettingBag settings, string run, string domain)
    {
        var schedule = source switch
        {
            ImportSource.Hf => HfImport.Read(settings),
            ImportSource.Megatron => MegatronImport.Read(settings),
            _ => TorchtitanImport.Read(settings),
        };
        var text = new StringBuilder()
            .Append($"// imported by cptc from {Sources[(int)source]}: {schedule.Summary}\n")
            .Append($"run {run} {{\n  peak_lr {Lr(schedule.PeakLr)}\n\n  train {domain} {{\n");
        foreach (var phase in schedule.Phases) text.Append("    ").Append(phase).Append('\n');
        text.Append("  }\n}\n");

        var compilation = Compilation.Create(text.ToString(), "imported.cpt");
        if (compilation.HasErrors)
            throw new ImportException(DiagnosticBuilder.At(default).ImportNotExpressible(Sources[(int)source],
                $"its phases do not compile: {compilation.Diagnostics.First(d => d.IsError).Message}", "check the settings' values"));
        var plan = compilation.Plans.Single();
        var stage = StageSchedule.Of(plan, compilation.Bound.Runs.Single()).Single();
        var deviation = Deviation.Measure(stage, schedule.FrameworkLr);
        if (!deviation.IsExact || plan.TotalSteps != schedule.Updates)
            throw new ImportException(DiagnosticBuilder.At(default).ImportNotExpressible(Sources[(int)source],
                $"the closest phases differ from it by {deviation.Text} at step {DisplayFormat.Steps(deviation.Step)}",
                "docs/export.md lists the schedules cptc reads exactly"));
        return Formatter.Format(compilation.SyntaxTree);
    }

    public static bool TryParseSource(string name, out ImportSource source)
    {
        int index = Sources.ToList().IndexOf(name);
        source = (ImportSource)Math.Max(index, 0);
        return index >= 0;
    }
}
