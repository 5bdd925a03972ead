namespace CptLang.Export.Frameworks;

/// <summary>
/// Hugging Face transformers' <c>get_wsd_schedule</c> (optimization.py, <c>_get_wsd_scheduler_lambda</c>):
/// a <c>LambdaLR</c> whose factor for scheduler step <c>s = 0, 1, …</c> is
/// warmup <c>m + (1 − m)·g(s/W)</c> for <c>s &lt; W</c>, 1 while <c>s &lt; W + S</c>, decay
/// <c>m + (1 − m)·f((s − W − S)/D)</c> while <c>s &lt; W + S + D</c>, then <c>m</c>
/// (<c>m = min_lr_ratio</c>). The <c>k</c>-th optimizer update uses <c>s = k − 1</c>.
/// </summary>
public sealed record HfWsdSchedule(
    double LearningRate, long NumWarmupSteps, long NumStableSteps, long NumDecaySteps,
    string WarmupType, string DecayType, double MinLrRatio, long MaxSteps)
{
    public static IReadOnlyList<string> WarmupTypes { get; } = ["linear", "cosine", "1-sqrt"];
    public static IReadOnlyList<string> DecayTypes { get; } = ["linear", "cosine", "1-sqrt"];

    // Strings reach here from HfMapping (a shape's name) and HfImport (a user's setting, checked
    // against the lists); any other type is a bug, so refuse it rather than compute 1-sqrt.
    readonly string warmupType = FrameworkTypes.Known(WarmupType, WarmupTypes, "warmup_type");
    readonly string decayType = FrameworkTypes.Known(DecayType, DecayTypes, "decay_type");

    /// <summary>One of <see cref="WarmupTypes"/>.</summary>
    public string WarmupType { get => warmupType; init => warmupType = FrameworkTypes.Known(value, WarmupTypes, "warmup_type"); }

    /// <summary>One of <see cref="DecayTypes"/>.</summary>
    public string DecayType { get => decayType; init => decayType = FrameworkTypes.Known(value, DecayTypes, "decay_type"); }

    /// <summary>The LR of the <paramref name="update"/>-th update (1-based).</summary>
    public double LearningRateAt(long update) => LearningRate * Factor(update - 1);

    double Factor(long s)
    {
        double m = MinLrRatio;
        if (s < NumWarmupSteps)
        {
            double progress = (double)s / Math.Max(1, NumWarmupSteps);
            double rise = WarmupType switch
            {
                "linear" => progress,
                "cosine" => 0.5 * (1.0 - Math.Cos(Math.PI * progress)),
                "1-sqrt" => 1.0 - Math.Sqrt(1.0 - progress),
                _ => throw FrameworkTypes.Unknown(WarmupType, "warmup_type"),
            };
            return Math.Max(0.0, rise * (1.0 - m) + m);
        }
        if (s < NumWarmupSteps + NumStableSteps) return 1.0;
        if (s < NumWarmupSteps + NumStableSteps + NumDecaySteps)
        {
            double progress = (double)(s - NumWarmupSteps - NumStableSteps) / Math.Max(1, NumDecaySteps);
            double fall = DecayType switch
            {
                "linear" => 1.0 - progress,
                // num_cycles = 0.5: cos(π·0.5·2·progress)
                "cosine" => 0.5 * (1.0 + Math.Cos(Math.PI * 0.5 * 2.0 * progress)),
                "1-sqrt" => 1.0 - Math.Sqrt(progress),
                _ => throw FrameworkTypes.Unknown(DecayType, "decay_type"),
            };
            return Math.Max(0.0, fall * (1.0 - m) + m);
        }
        return m;
    }
}
