namespace CptLang.Laws.Schedules;

/// <summary>How the initial warmup enters the areas (docs/laws.md §1).</summary>
public enum WarmupArea
{
    /// <summary>Warmups before the first domain switch count as if the LR were already at the
    /// warmup's end value (LRA §3.4). The default.</summary>
    Peak,
    /// <summary>Every warmup counts with its real LRs.</summary>
    Actual,
}

/// <summary>How the annealing area is split at the domain switch (docs/laws.md §3).</summary>
public enum S2Split
{
    /// <summary>One momentum recurrence; <c>S2pt</c> frozen at the switch. The default.</summary>
    Step,
    /// <summary>Two recurrences, one fed by pre-training drops, one by CPT drops.</summary>
    Source,
}

/// <param name="Lambda">Momentum decay <c>λ</c> of the annealing area, in (0, 1).</param>
public sealed record PlanSettings(double Lambda = PlanSettings.DefaultLambda, WarmupArea WarmupArea = WarmupArea.Peak, S2Split S2Split = S2Split.Step)
{
    public const double DefaultLambda = 0.999;
    public static PlanSettings Default { get; } = new();
}
