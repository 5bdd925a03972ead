using CptLang.Diagnostics;
using CptLang.Laws.Schedules;

namespace CptLang.Export.Frameworks;

/// <summary>
/// A stage → torchtitan's <c>[lr_scheduler]</c>. torchtitan's <c>k</c>-th update warms up to
/// <c>k/(W+1)</c>, which is cptc's <c>warmup W+1 steps</c> from 0 (so <c>warmup_steps = W − 1</c>).
/// Its decay runs progress <c>j/(D+1)</c> over its last <c>D</c> updates and never reaches
/// <c>lr_min</c> inside the run: only a linear decay maps exactly, with
/// <c>lr_min = 1 − (1 − b/peak)·(D+1)/D</c> (which must not be negative), and nothing can follow it.
/// </summary>
internal static class TorchtitanMapping
{
    const string Target = "torchtitan";

    public static TorchtitanSchedule? Map(StageSchedule stage, PhasePattern pattern, bool approximate, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.ErrorCount;
        double peak = stage.PeakLr;
        var (warmup, decay) = (pattern.Warmup, pattern.Decay);
        long t = stage.Length;
        if (pattern.Lead is { } lead && !approximate)
            diagnostics.Add(DiagnosticBuilder.At(lead.Syntax.Span).PhaseNotExpressible(Target, "stable",
                "torchtitan's first update is already one step into its warmup", "remove this step, or use --target csv"));
        if (warmup is not null && !approximate && (warmup.Kernel.From != 0 || !IsLinear(warmup.Kernel)))
            diagnostics.Add(DiagnosticBuilder.At(warmup.Syntax.Span).PhaseNotExpressible(Target, "warmup",
                "torchtitan warms up linearly from 0", "write `warmup N steps` (linear, from 0), use --allow-approximate, or use --target csv"));
        if (pattern.Tail.Count > 0 && !approximate)
            diagnostics.Add(DiagnosticBuilder.At(pattern.Tail[0].Syntax.Span).PhaseNotExpressible(Target, "stable",
                "torchtitan's decay lasts until the last step, so nothing can follow it", "end the stage with the decay, or use --target csv"));
        long warmupSteps = warmup is null ? 0 : warmup.Length - 1 + (pattern.Lead is null ? 0 : 1);
        if (decay is null)
            return diagnostics.ErrorCount > errors ? null : new TorchtitanSchedule(peak, t, warmupSteps, 0, "linear", 0);

        long d = decay.Length;
        double ratio = (double)d / t;
        double endRatio = decay.Kernel.To / peak;
        TorchtitanSchedule Build(string type, double lrMin) => new(peak, t, warmupSteps, ratio, type, lrMin);
        if (IsLinear(decay.Kernel))
        {
            // progress j/(D+1) reaches the cptc line j/D only when lr_min absorbs the missing step
            double lrMin = 1 - (1 - endRatio) * (d + 1) / d;
            if (lrMin >= 0) return diagnostics.ErrorCount > errors ? null : Build("linear", lrMin);
            if (!approximate)
                diagnostics.Add(DiagnosticBuilder.At(decay.Syntax.Span).PhaseNotExpressible(Target, "decay",
                    $"torchtitan's decay stops one step short of lr_min (progress j/(D+1)), so a linear decay over {DisplayFormat.Steps(d)} steps must end at {DisplayFormat.Number(peak / (d + 1))} or above",
                    $"end the decay at {DisplayFormat.Number(peak / (d + 1))} or higher, use --allow-approximate, or use --target csv"));
            return diagnostics.ErrorCount > errors ? null : Build("linear", endRatio);
        }
        string? type = decay.Kernel.Shape switch { Shape.OneMinusSqrt => "sqrt", Shape.Cosine => "cosine", _ => null };
        var (closest, deviation) = ShapeNames.Closest(stage, decay, TorchtitanSchedule.DecayTypes, s => Build(s, endRatio).LearningRateAt);
        if (!approximate)
            diagnostics.Add(DiagnosticBuilder.At(decay.Syntax.Span).PhaseNotExpressible(Target, "decay",
                type is null
                    ? $"torchtitan's decay types are {string.Join(", ", TorchtitanSchedule.DecayTypes)}; it has no {ShapeNames.Of(decay.Kernel)} decay"
                    : $"torchtitan's {type} decay runs progress j/(D+1) and stops one step short of lr_min, so it cannot end exactly where this decay ends",
                $"the closest is decay_type \"{type ?? closest}\" (off by up to {(type is null ? deviation : Deviation.Measure(stage, Build(type, endRatio).LearningRateAt, decay.FirstStep, decay.LastStep)).Text}); write a linear decay, use --allow-approximate, or use --target csv"));
        return diagnostics.ErrorCount > errors ? null : Build(type ?? closest, endRatio);
    }

    static bool IsLinear(Kernel kernel) => kernel.Shape == Shape.Linear || kernel.Shape == Shape.Polynomial && kernel.Exponent == 1;
}
