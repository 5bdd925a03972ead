namespace CptLang.Laws.Schedules;

/// <summary>What a segment is in the user's terms; the law engine needs <see cref="Warmup"/>
/// to apply the <c>warmup_area</c> convention (docs/laws.md §1).</summary>
public enum PhaseKind { Warmup, Stable, Decay }

/// <summary>
/// Steps <see cref="FirstStep"/>..<see cref="LastStep"/> (absolute, counting from 1, inclusive)
/// whose LRs follow <see cref="Kernel"/>. Segments of a plan are contiguous and non-empty.
/// </summary>
/// <param name="Stage">Index into <see cref="EvaluationPlan.Stages"/>.</param>
public sealed record Segment(long FirstStep, long LastStep, int Stage, PhaseKind Phase, Kernel Kernel)
{
    public long Length => LastStep - FirstStep + 1;

    /// <summary>The LR of absolute step <paramref name="step"/>, which must lie in the segment.</summary>
    public double LearningRate(long step) => Kernel.LearningRate(step - FirstStep + 1, Length);
}
