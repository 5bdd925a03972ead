using System.Collections.Immutable;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CptLang.Binding;
using CptLang.Diagnostics;
using CptLang.Predicting;
using CptLang.Syntax;

namespace CptLang.LanguageServer.Analysis;

/// <summary>The bound phase of a phase's syntax, and the predicted loss of every law at the end
/// of each phase of a run (one <see cref="Prediction.Compute"/> per run, as <c>cptc predict
/// --at</c> would, so the editor shows the same numbers).</summary>
internal static class PhaseEnds
{
    public static (BoundRun Run, BoundStage Stage, BoundPhase Phase)? Find(Compilation compilation, PhaseSyntax syntax)
    {
        foreach (var run in compilation.Bound.Runs)
            foreach (var stage in run.Stages)
                foreach (var phase in stage.Phases)
                    if (ReferenceEquals(phase.Syntax, syntax)) return (run, stage, phase);
        return null;
    }

    static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, Lazy<LossesAtEnds>>> Cache = new();

    /// <summary>The losses at the end of every phase of <paramref name="run"/>, by step; or the
    /// reason there are none (errors in the file, no laws, a law undefined there). Computed once
    /// per compilation and run.</summary>
    public static LossesAtEnds Losses(Compilation compilation, BoundRun run) =>
        Cache.GetOrCreateValue(compilation).GetOrAdd(run.Name, _ => new(() => Compute(compilation, run))).Value;

    static LossesAtEnds Compute(Compilation compilation, BoundRun run)
    {
        if (compilation.HasErrors) return new(null, "no prediction while the file has errors");
        if (compilation.Laws.IsEmpty) return new(null, "no prediction: the file has no law");
        var plan = compilation.Plans.FirstOrDefault(p => p.Run == run.Name);
        if (plan is null) return new(null, "no plan for this run");
        long[] steps = [.. run.Stages.SelectMany(s => s.Phases).Where(p => p.Length > 0).Select(p => p.LastStep).Distinct().Order()];
        if (steps.Length == 0) return new(null, "the run has no steps");
        var result = Prediction.Compute(compilation, plan, StepSelection.At(steps));
        if (result.Prediction is not { } prediction)
            return new(null, result.RequestError is { } error ? DiagnosticFormatter.FullMessage(error)
                : string.Join("; ", result.Diagnostics.Select(d => $"{d.Code}: {DiagnosticFormatter.FullMessage(d)}")));
        var table = prediction.Table;
        var byStep = new Dictionary<long, ImmutableArray<(string, double)>>();
        for (int row = 0; row < table.Count; row++)
            byStep[table.Areas.StepAt(row)] = [.. Enumerable.Range(0, table.Laws.Length).Select(law => (table.Laws[law].Name, table.Loss(law)[row]))];
        return new(byStep, null);
    }
}

internal sealed record LossesAtEnds(IReadOnlyDictionary<long, ImmutableArray<(string Law, double Loss)>>? Losses, string? Why);
