using CptLang.Diagnostics;
using CptLang.Laws.Schedules;

namespace CptLang.Export.Frameworks;

/// <summary>
/// A stage → Megatron-LM flags. Megatron's <c>k</c>-th update uses <c>num_steps = k − 1</c>, so its
/// warmup reaches <c>init</c> at the first update: cptc's linear <c>warmup W steps from a</c> is
/// <c>--lr-warmup-iters W−1 --lr-warmup-init a + (peak − a)/W</c> (exact), and a one-step lead at
/// <c>a</c> before it is <c>--lr-warmup-iters W --lr-warmup-init a</c>. A decay is always the WSD
/// style (the plain linear/cosine style when it follows the warmup directly): its anneal starts at <c>num_steps = decay start − 2</c>, so
/// <c>--lr-decay-iters = decay start − 2 + D</c> and <c>--lr-wsd-decay-iters = D</c>; after it
/// Megatron holds <c>--min-lr</c>, cptc's tail. Megatron's <c>exponential</c> is
/// <c>2·0.5^r − 1</c>, which is cptc's geometric decay only when it ends at half its start.
/// </summary>
internal static class MegatronMapping
{
    const string Target = "megatron";

    public static MegatronSchedule? Map(StageSchedule stage, PhasePattern pattern, bool approximate, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.ErrorCount;
        double peak = stage.PeakLr;
        var (warmup, decay) = (pattern.Warmup, pattern.Decay);
        long t = stage.Length;
        long warmupIters = 0;
        double init = 0;
        if (warmup is not null)
        {
            if (!IsLinear(warmup.Kernel) && !approximate)
                diagnostics.Add(DiagnosticBuilder.At(warmup.Syntax.Span).PhaseNotExpressible(Target, "warmup",
                    $"Megatron's warmup is linear; it has no {ShapeNames.Of(warmup.Kernel)} warmup", "write a linear warmup, use --allow-approximate, or use --target csv"));
            double from = warmup.Kernel.From;
            (warmupIters, init) = pattern.Lead is not null ? (warmup.Length, from) : (warmup.Length - 1, from + (warmup.Kernel.To - from) / warmup.Length);
        }
        if (decay is null)
            return diagnostics.ErrorCount > errors ? null : new MegatronSchedule(peak, 0, warmupIters, init, "constant", null, 0, Math.Max(t, warmupIters + 1), t);

        long annealStart = pattern.DecayFirstLocal(stage) - 2;
        long decayIters = annealStart + decay.Length;
        if (decayIters <= warmupIters)
        {
            diagnostics.Add(DiagnosticBuilder.At(decay.Syntax.Span).PhaseNotExpressible(Target, "decay",
                "Megatron needs --lr-decay-iters above --lr-warmup-iters, and this decay is too short for that", "lengthen the decay, or use --target csv"));
            return null;
        }
        MegatronSchedule Build(string style) => new(peak, decay.Kernel.To, warmupIters, init, "WSD", style, decay.Length, decayIters, t);
        string? style = decay.Kernel.Shape switch
        {
            Shape.Linear => "linear",
            Shape.Polynomial when decay.Kernel.Exponent == 1 => "linear",
            Shape.Cosine => "cosine",
            Shape.OneMinusSqrt => "minus_sqrt",
            Shape.Exponential => "exponential",
            _ => null,
        };
        if (style is null)
        {
            var (closest, deviation) = ShapeNames.Closest(stage, decay, MegatronSchedule.WsdDecayStyles, s => Build(s).LearningRateAt);
            if (approximate) style = closest;
            else diagnostics.Add(DiagnosticBuilder.At(decay.Syntax.Span).PhaseNotExpressible(Target, "decay",
                $"Megatron's WSD decay styles are {string.Join(", ", MegatronSchedule.WsdDecayStyles)}; it has no {ShapeNames.Of(decay.Kernel)} decay",
                $"the closest is `{closest}` (off by up to {deviation.Text}); write that shape, use --allow-approximate, or use --target csv"));
        }
        if (diagnostics.ErrorCount > errors) return null;
        // a decay straight after the warmup is Megatron's plain linear/cosine style (the same LRs, fewer flags)
        return annealStart == warmupIters && style is "linear" or "cosine" ? Build(style) with { DecayStyle = style, WsdDecayStyle = null, WsdDecayIters = 0 } : Build(style!);
    }

    static bool IsLinear(Kernel kernel) => kernel.Shape == Shape.Linear || kernel.Shape == Shape.Polynomial && kernel.Exponent == 1;
}
