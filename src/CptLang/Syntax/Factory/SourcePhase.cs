using CptLang.Laws.Schedules;

namespace CptLang.Syntax.Factory;

/// <summary>A phase of a stage (docs/language.md §4). Lengths are in steps; a null
/// <c>From</c> continues from the LR before the phase.</summary>
public abstract record SourcePhase
{
    /// <param name="Exponent">The power of <see cref="Shape.Polynomial"/>; ignored otherwise.</param>
    public sealed record Warmup(long Steps, double? From, double To, Shape Shape, double Exponent = 0) : SourcePhase;

    public sealed record Stable(long Steps, double At) : SourcePhase;

    /// <param name="Exponent">The power of <see cref="Shape.Polynomial"/>; ignored otherwise.</param>
    public sealed record Decay(long Steps, double? From, double To, Shape Shape, double Exponent = 0) : SourcePhase;

    public sealed record Drop(double To) : SourcePhase;
}
