using CptLang.Diagnostics;
using CptLang.Laws.Schedules;

namespace CptLang.Export.Frameworks;

/// <summary>
/// A stage → torchtitan's scheduler settings (docs/export.md). Its <c>k</c>-th update warms up to
/// <c>k/W</c>, cptc's <c>warmup W steps</c> from 0. Its decay reaches progress 1 (and
/// <c>min_lr_factor</c>) only at update <c>total_steps + 1</c>, so a stage of <c>n</c> updates that
/// ends with a decay of <c>D</c> steps to <c>b</c> is <c>total_steps = n − 1</c>,
/// <c>decay_ratio = D/(n − 1)</c>, <c>min_lr_factor = b/peak</c>: every update of the decay at
/// progress <c>j/D</c>, as in cptc, for each of its decay types. torchtitan holds the peak for at
/// least one update before the decay, and nothing can follow it.
/// </summary>
internal static class TorchtitanMapping
{
    const string Target = "torchtitan";

    public static TorchtitanSchedule? Map(StageSchedule stage, PhasePattern pattern, bool approximate, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.ErrorCount;
        double peak = stage.PeakLr;
        var (warmup, decay) = (pattern.Warmup, pattern.Decay);
        long n = stage.Length;
        if (pattern.Lead is { } lead && !approximate)
            diagnostics.Add(DiagnosticBuilder.At(lead.Syntax.Span).PhaseNotExpressible(Target, "stable",
                "torchtitan's first update is already one step into its warmup (1/warmup_steps of the LR)", "remove this step, or use --target csv"));
        if (warmup is not null && !approximate && (warmup.Kernel.From != 0 || !IsLinear(warmup.Kernel)))
            diagnostics.Add(DiagnosticBuilder.At(warmup.Syntax.Span).PhaseNotExpressible(Target, "warmup",
                "torchtitan warms up linearly from 0", "write `warmup N steps` (linear, from 0), use --allow-approximate, or use --target csv"));
        if (pattern.Tail.Count > 0 && !approximate)
            diagnostics.Add(DiagnosticBuilder.At(pattern.Tail[0].Syntax.Span).PhaseNotExpressible(Target, "stable",
                "torchtitan's decay lasts until the last step (past it, its progress runs beyond 1), so nothing can follow it", "end the stage with the decay, or use --target csv"));
        long w = warmup?.Length ?? 0;
        if (decay is null)
            return diagnostics.ErrorCount > errors ? null : new TorchtitanSchedule(peak, n, n, w, 0, "linear", 0);

        if (pattern.Stables.Count == 0 && !approximate)
            diagnostics.Add(DiagnosticBuilder.At(decay.Syntax.Span).PhaseNotExpressible(Target, "decay",
                "torchtitan holds the peak for at least one update before its decay (stable_steps = total_steps + 1 − warmup − decay)",
                "add `stable 1 step` before it, or use --target csv"));
        long d = decay.Length, total = n - 1;
        TorchtitanSchedule Build(string type) => new(peak, n, total, w, total == 0 ? 0 : (double)d / total, type, decay.Kernel.To / peak);
        string? type = decay.Kernel.Shape switch
        {
            Shape.Linear => "linear",
            Shape.Polynomial when decay.Kernel.Exponent == 1 => "linear",
            Shape.OneMinusSqrt => "sqrt",
            Shape.Cosine => "cosine",
            _ => null,
        };
        if (type is null)
        {
            var (closest, deviation) = ShapeNames.Closest(stage, decay, TorchtitanSchedule.DecayTypes, s => Build(s).LearningRateAt);
            if (approximate) type = closest;
            else diagnostics.Add(DiagnosticBuilder.At(decay.Syntax.Span).PhaseNotExpressible(Target, "decay",
                $"torchtitan's decay types are {string.Join(", ", TorchtitanSchedule.DecayTypes)}; it has no {ShapeNames.Of(decay.Kernel)} decay",
                $"the closest is decay_type \"{closest}\" (off by up to {deviation.Text}); write that shape, use --allow-approximate, or use --target csv"));
        }
        return diagnostics.ErrorCount > errors ? null : Build(type!);
    }

    static bool IsLinear(Kernel kernel) => kernel.Shape == Shape.Linear || kernel.Shape == Shape.Polynomial && kernel.Exponent == 1;
}
