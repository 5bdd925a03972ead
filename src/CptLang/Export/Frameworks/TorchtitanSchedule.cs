namespace CptLang.Export.Frameworks;

/// <summary>
/// torchtitan's <c>LRSchedulersContainer.Config.build</c> (torchtitan/components/optimizer/lr_scheduler.py,
/// commit b5bcd76; the same formula in every release since v0.1.0, docs/export.md): a <c>LambdaLR</c>
/// stepped after each update, so the <c>k</c>-th update uses <c>s = k − 1</c>. With
/// <c>T = total_steps</c> (None: <c>training.steps</c>), <c>W = min(warmup_steps, T)</c>,
/// <c>D = round(T·decay_ratio)</c> (Python's round: halves to even; cut to <c>T − W</c>;
/// <c>T − W</c> without a ratio) and <c>S = T + 1 − W − D</c>: warmup <c>(s+1)/W</c> for
/// <c>s &lt; W</c>, then 1 for <c>s &lt; W + S</c>, then decay progress <c>(s + 1 − W − S)/D</c>
/// scaled to <c>[min_lr_factor, 1]</c>. Progress reaches 1 at update <c>T + 1</c> only.
/// </summary>
public sealed record TorchtitanSchedule(
    double Lr, long Steps, long? TotalSteps, long WarmupSteps, double? DecayRatio, string DecayType, double MinLrFactor)
{
    public static IReadOnlyList<string> DecayTypes { get; } = ["linear", "sqrt", "cosine"];

    // like HfWsdSchedule: an unknown type is refused, never computed as cosine
    readonly string decayType = FrameworkTypes.Known(DecayType, DecayTypes, "decay_type");

    /// <summary>One of <see cref="DecayTypes"/>.</summary>
    public string DecayType { get => decayType; init => decayType = FrameworkTypes.Known(value, DecayTypes, "decay_type"); }

    /// <summary>The length of the LR schedule (<c>total_steps</c>, or <c>training.steps</c>).</summary>
    public long Total => TotalSteps ?? Steps;

    /// <summary>The warmup torchtitan runs: cut to the schedule's length (it warns).</summary>
    public long Warmup => Math.Min(WarmupSteps, Total);

    public long DecaySteps
    {
        get
        {
            if (DecayRatio is not { } ratio) return Total - Warmup;
            long decay = (long)Math.Round(Total * ratio, MidpointRounding.ToEven);
            return Warmup + decay > Total ? Total - Warmup : decay;
        }
    }

    /// <summary>Includes torchtitan's "virtual last step" (the + 1).</summary>
    public long StableSteps => Total + 1 - Warmup - DecaySteps;

    public double LearningRateAt(long update)
    {
        long s = update - 1, w = Warmup, warmupStable = w + StableSteps, decay = DecaySteps;
        if (s < w) return Lr * ((double)(s + 1) / w);
        if (s < warmupStable) return Lr;
        if (decay == 0) return double.NaN;          // torchtitan asserts decay_steps != 0 here
        double progress = (double)(s + 1 - warmupStable) / decay;
        double adjustment = DecayType switch
        {
            "linear" => 1 - progress,
            "sqrt" => 1 - Math.Sqrt(progress),
            "cosine" => 0.5 * (1.0 + Math.Cos(Math.PI * progress)),
            _ => throw FrameworkTypes.Unknown(DecayType, "decay_type"),
        };
        return Lr * (MinLrFactor + (1 - MinLrFactor) * adjustment);
    }
}
