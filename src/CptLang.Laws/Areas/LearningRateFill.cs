using System.Runtime.CompilerServices;
using CptLang.Laws.Numerics;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Areas;

/// <summary>The learning rates of consecutive steps of one segment, with the transcendental
/// shapes vectorised (<see cref="VectorMath"/>, so each step's value is the same in any span).
/// Matches <see cref="Kernel.LearningRate"/> to within an ulp or two (the vector
/// <c>cos</c>/<c>exp</c> round differently from <c>Math</c>'s).</summary>
internal static class LearningRateFill
{
    /// <summary>Writes <c>g(k0 + i)</c> of <paramref name="kernel"/> over an
    /// <paramref name="n"/>-step segment into <paramref name="into"/>.</summary>
    // Hot loop: compiled optimised at once, not after tier-0 warm-up (a CLI run is one call).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(Kernel kernel, long n, long k0, Span<double> into)
    {
        double from = kernel.From, to = kernel.To, d = from - to;
        switch (kernel.Shape)
        {
            case Shape.Constant:
                into.Fill(from);
                break;
            case Shape.Linear:
                for (int i = 0; i < into.Length; i++) into[i] = to + d * (1 - (double)(k0 + i) / n);
                break;
            case Shape.Cosine:
                for (int i = 0; i < into.Length; i++) into[i] = Math.PI * ((double)(k0 + i) / n);
                VectorMath.Map(into, into, new Cosine());
                for (int i = 0; i < into.Length; i++) into[i] = to + d * (0.5 * (1 + into[i]));
                break;
            case Shape.Exponential:
                double logRatio = Math.Log(to / from);
                for (int i = 0; i < into.Length; i++) into[i] = logRatio * ((double)(k0 + i) / n);
                VectorMath.Map(into, into, new ScaledExp(1));
                for (int i = 0; i < into.Length; i++) into[i] *= from;
                break;
            default:
                for (int i = 0; i < into.Length; i++) into[i] = kernel.LearningRate(k0 + i, n);
                break;
        }
        // The last step is exactly To, as Kernel.LearningRate has it.
        if (into.Length > 0 && k0 + into.Length - 1 >= n) into[^1] = to;
    }
}
