namespace CptLang.Export.Frameworks;

/// <summary>
/// torchtitan's <c>linear_warmup_stable_decay</c> (torchtitan/components/lr_scheduler.py): a
/// <c>LambdaLR</c> over scheduler steps <c>s = 0, 1, …</c>; the <c>k</c>-th update uses <c>s = k − 1</c>.
/// <c>decay_steps = round(steps·decay_ratio)</c> (Python's round: halves to even; cut to
/// <c>steps − warmup</c> if too long; <c>steps − warmup</c> without a ratio),
/// <c>stable = steps − warmup − decay</c>. Warmup <c>(s+1)/(W+1)</c> for <c>s &lt; W</c>, then 1,
/// then decay progress <c>(s + 1 − W − S)/(D + 1)</c> scaled to <c>[lr_min, 1]</c> (lr_min is a ratio).
/// </summary>
public sealed record TorchtitanSchedule(double Lr, long Steps, long WarmupSteps, double? DecayRatio, string DecayType, double LrMin)
{
    public static IReadOnlyList<string> DecayTypes { get; } = ["linear", "sqrt", "cosine"];

    // like HfWsdSchedule: an unknown type is refused, never computed as cosine
    readonly string decayType = FrameworkTypes.Known(DecayType, DecayTypes, "decay_type");

    /// <summary>One of <see cref="DecayTypes"/>.</summary>
    public string DecayType { get => decayType; init => decayType = FrameworkTypes.Known(value, DecayTypes, "decay_type"); }

    public long DecaySteps
    {
        get
        {
            if (DecayRatio is not { } ratio) return Steps - WarmupSteps;
            long decay = (long)Math.Round(Steps * ratio, MidpointRounding.ToEven);
            return WarmupSteps + decay > Steps ? Steps - WarmupSteps : decay;
        }
    }

    public long StableSteps => Steps - WarmupSteps - DecaySteps;

    public double LearningRateAt(long update)
    {
        long s = update - 1, warmupStable = WarmupSteps + StableSteps, decay = DecaySteps;
        if (s < WarmupSteps) return Lr * ((double)(s + 1) / (WarmupSteps + 1));
        if (s < warmupStable) return Lr;
        double progress = (double)(s + 1 - warmupStable) / (decay + 1);
        double fall = DecayType switch
        {
            "linear" => 1 - progress,
            "sqrt" => 1 - Math.Sqrt(progress),
            "cosine" => 0.5 * (1.0 + Math.Cos(Math.PI * progress)),
            _ => throw FrameworkTypes.Unknown(DecayType, "decay_type"),
        };
        return Lr * (LrMin + (1 - LrMin) * fall);
    }
}
