using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Syntax;
using CptLang.Export;
using CptLang.Syntax.Factory;

namespace CptLang.Import;

/// <summary>What <c>cptc import</c> produced: the .cpt text, or (text null) the diagnostic that
/// stopped it, CPT4210 (invalid settings) or CPT4211 (no exact .cpt form).</summary>
public sealed record ImportOutput(string? Text, ImmutableArray<Diagnostic> Diagnostics);

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

    /// <summary>Learning rates below this are refused as settings.</summary>
    public const double MinLearningRate = 1e-30;

    /// <param name="run">The run's name, and <paramref name="domain"/> its stage's: valid names (<see cref="Syntax.SyntaxFacts.IsValidName"/>).</param>
    public static ImportOutput Import(ImportSource source, SettingBag settings, string run, string domain)
    {
        if (settings.Failed) return new(null, settings.Diagnostics);
        var schedule = source switch
        {
            ImportSource.Hf => HfImport.Read(settings),
            ImportSource.Megatron => MegatronImport.Read(settings),
            _ => TorchtitanImport.Read(settings),
        };
        if (schedule is null || settings.Failed) return new(null, settings.Diagnostics);
        // far below any LR that trains (cptc warns below 1e-10, CPT2040); as a setting it is a typo
        if (!(schedule.PeakLr >= MinLearningRate))
            return Failed(DiagnosticBuilder.At(default).InvalidImportSetting(Sources[(int)source],
                $"for the learning rate is {NumberLiteral.Format(schedule.PeakLr)}, below {NumberLiteral.Format(MinLearningRate)}, which no training uses", "check its exponent, e.g. 3e-4"));
        string text = SyntaxFactory.Run(
            new SourceRun(run, [SourceSetting.Of("peak_lr", schedule.PeakLr)], [new SourceStage.Train(domain, schedule.Phases)]),
            SourceStyle.Import, [$"imported by cptc from {Sources[(int)source]}: {schedule.Summary}"]);

        var compilation = Compilation.Create(text, "imported.cpt");
        if (compilation.HasErrors)
            return Failed(DiagnosticBuilder.At(default).ImportNotExpressible(Sources[(int)source],
                $"its phases do not compile: {compilation.Diagnostics.First(d => d.IsError).Message}", "check the settings' values"));
        var plan = compilation.Plans.Single();
        var stage = StageSchedule.Of(plan, compilation.Bound.Runs.Single()).Single();
        var deviation = Deviation.Measure(stage, schedule.FrameworkLr);
        if (!deviation.IsExact || plan.TotalSteps != schedule.Updates)
            return Failed(DiagnosticBuilder.At(default).ImportNotExpressible(Sources[(int)source],
                $"the closest phases differ from it by {deviation.Text} at step {DisplayFormat.Steps(deviation.Step)}",
                "docs/export.md lists the schedules cptc reads exactly"));
        return new(text, []);
    }

    static ImportOutput Failed(Diagnostic diagnostic) => new(null, [diagnostic]);

    public static bool TryParseSource(string name, out ImportSource source)
    {
        int index = Sources.ToList().IndexOf(name);
        source = (ImportSource)Math.Max(index, 0);
        return index >= 0;
    }
}
