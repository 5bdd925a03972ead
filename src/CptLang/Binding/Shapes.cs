using System.Collections.Immutable;
using CptLang.Laws.Schedules;

namespace CptLang.Binding;

/// <summary>The shape names of the language and the kernel each stands for. Adding a shape means
/// adding it here, to <see cref="Shape"/> (and its area kernel in CptLang.Laws) and to
/// <see cref="Syntax.SyntaxFacts.ShapeName(Shape)"/>.</summary>
internal static class Shapes
{
    public const string Linear = "linear", Cosine = "cosine", OneMinusSqrt = "1-sqrt", Square = "square",
        Exponential = "exponential", Polynomial = "polynomial", InverseSqrt = "inverse-sqrt";

    public static ImmutableArray<string> DecayShapes { get; } = [Linear, Cosine, OneMinusSqrt, Square, Exponential, Polynomial, InverseSqrt];

    public static ImmutableArray<string> WarmupShapes { get; } = [Linear, Cosine, OneMinusSqrt];

    public static Shape ForDecay(string name) => name switch
    {
        Linear => Shape.Linear,
        Cosine => Shape.Cosine,
        OneMinusSqrt => Shape.OneMinusSqrt,
        Square => Shape.Square,
        Exponential => Shape.Exponential,
        Polynomial => Shape.Polynomial,
        InverseSqrt => Shape.InverseSqrt,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>A rising 1-sqrt is HF's <c>1 − √(1 − r)</c>, the mirror image of the decay.</summary>
    public static Shape ForWarmup(string name) => name switch
    {
        Linear => Shape.Linear,
        Cosine => Shape.Cosine,
        OneMinusSqrt => Shape.SqrtOfOneMinus,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Shapes that are geometric in nature and cannot start or end at 0.</summary>
    public static bool NeedsPositiveEnds(string name) => name is Exponential or InverseSqrt;
}
