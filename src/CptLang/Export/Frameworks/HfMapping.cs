using CptLang.Binding;
using CptLang.Diagnostics;
using CptLang.Laws.Schedules;

namespace CptLang.Export.Frameworks;

/// <summary>
/// A stage → <c>get_wsd_schedule</c> arguments. HF's first update is at scheduler step 0, where a
/// warmup's factor is <c>m</c> (its start), so HF runs cptc's <c>stable 1 step at m·peak</c> +
/// <c>warmup W steps</c> exactly with <c>num_warmup_steps = W</c>; its decay's first update is still
/// at the full LR (progress 0), so the decay needs one step at the peak before it. The stable
/// count is what lies between (<c>W + S = decay start − 2</c>), and after the decay HF holds
/// <c>min_lr_ratio</c>, cptc's tail at the decay's end.
/// </summary>
internal static class HfMapping
{
    const string Target = "hf";

    public static HfWsdSchedule? Map(StageSchedule stage, PhasePattern pattern, bool approximate, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.ErrorCount;
        double peak = stage.PeakLr;
        var (warmup, decay) = (pattern.Warmup, pattern.Decay);
        long w = warmup?.Length ?? 0, t = stage.Length;
        long stable = decay is null ? t - w : pattern.DecayFirstLocal(stage) - 2 - w;
        double minRatio = decay is not null ? decay.Kernel.To / peak : warmup is not null ? warmup.Kernel.From / peak : 0;
        if (warmup is not null && decay is not null && !approximate && Math.Abs(warmup.Kernel.From - minRatio * peak) > Deviation.Tolerance * peak)
            diagnostics.Add(DiagnosticBuilder.At(warmup.Syntax.Span).PhaseNotExpressible(Target, "warmup",
                $"HF's warmup starts at min_lr_ratio × learning_rate, which is where the decay ends ({DisplayFormat.Number(decay.Kernel.To)}), but this warmup starts at {DisplayFormat.Number(warmup.Kernel.From)}",
                $"start the warmup at {DisplayFormat.Number(decay.Kernel.To)}, or use --target csv"));
        else if (warmup is not null && pattern.Lead is null && !approximate)
            diagnostics.Add(DiagnosticBuilder.At(warmup.Syntax.Span).PhaseNotExpressible(Target, "warmup",
                "HF's first update is already at the warmup's start LR, one step before cptc's warmup begins to rise",
                $"write `stable 1 step at {DisplayFormat.Number(warmup.Kernel.From)}` before it (that is exactly what HF runs), or use --target csv"));
        if (decay is not null && stable < 0)
        {
            diagnostics.Add(DiagnosticBuilder.At(decay.Syntax.Span).PhaseNotExpressible(Target, "decay",
                "HF's decay spends its first update at the full LR (progress 0), so it must follow at least one step at the peak",
                "add `stable 1 step` before it, or use --target csv"));
            return null;
        }
        string? warmupType = warmup is null ? "linear" : WarmupType(warmup.Kernel);
        string? decayType = decay is null ? "linear" : DecayType(decay.Kernel);
        if (warmup is not null && warmupType is null) warmupType = Unsupported(stage, warmup, "warmup", HfWsdSchedule.WarmupTypes, approximate, diagnostics,
            type => Build(peak, w, stable, decay?.Length ?? 0, type, decayType ?? "linear", minRatio, t));
        if (decay is not null && decayType is null) decayType = Unsupported(stage, decay, "decay", HfWsdSchedule.DecayTypes, approximate, diagnostics,
            type => Build(peak, w, stable, decay.Length, warmupType ?? "linear", type, minRatio, t));
        if (diagnostics.ErrorCount > errors) return null;
        return Build(peak, w, stable, decay?.Length ?? 0, warmupType!, decayType!, minRatio, t);
    }

    static HfWsdSchedule Build(double peak, long w, long s, long d, string warmupType, string decayType, double m, long t) =>
        new(peak, w, s, d, warmupType, decayType, m, t);

    /// <summary>Reports a shape HF lacks, naming the closest one; with --allow-approximate, uses it.</summary>
    static string? Unsupported(StageSchedule stage, BoundPhase phase, string kind, IReadOnlyList<string> types, bool approximate,
        DiagnosticBag diagnostics, Func<string, HfWsdSchedule> build)
    {
        var (closest, deviation) = ShapeNames.Closest(stage, phase, types, type => build(type).LearningRateAt);
        if (approximate) return closest;
        diagnostics.Add(DiagnosticBuilder.At(phase.Syntax.Span).PhaseNotExpressible(Target, kind,
            $"HF's {kind} types are {string.Join(", ", types)}; it has no {ShapeNames.Of(phase.Kernel)} {kind}",
            $"the closest is `{closest}` (off by up to {deviation.Text}); write that shape, use --allow-approximate, or use --target csv"));
        return null;
    }

    static string? WarmupType(Kernel kernel) => kernel.Shape switch
    {
        Shape.Linear => "linear",
        Shape.Polynomial when kernel.Exponent == 1 => "linear",
        Shape.Cosine => "cosine",
        Shape.SqrtOfOneMinus => "1-sqrt",
        _ => null,
    };

    static string? DecayType(Kernel kernel) => kernel.Shape switch
    {
        Shape.Linear => "linear",
        Shape.Polynomial when kernel.Exponent == 1 => "linear",
        Shape.Cosine => "cosine",
        Shape.OneMinusSqrt => "1-sqrt",
        _ => null,
    };
}
