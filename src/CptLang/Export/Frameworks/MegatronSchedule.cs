namespace CptLang.Export.Frameworks;

/// <summary>
/// Megatron-LM's <c>OptimizerParamScheduler.get_lr</c> (megatron/core/optimizer_param_scheduler.py)
/// with iteration-based flags. The scheduler is set for <c>num_steps = 0</c> before the first
/// update and stepped after each one, so the <c>k</c>-th update uses <c>num_steps = k − 1</c>:
/// warmup <c>init + (max − init)·n/W</c> while <c>n ≤ W</c> (W &gt; 0); <c>constant</c>: max;
/// <c>n &gt; decay_iters</c>: min; WSD: 1 until <c>decay_iters − wsd_iters</c>, then the WSD style
/// (<c>exponential</c> is <c>2·0.5^r − 1</c>, <c>minus_sqrt</c> is <c>1 − √r</c>).
/// </summary>
public sealed record MegatronSchedule(
    double Lr, double MinLr, long WarmupIters, double WarmupInit, string DecayStyle,
    string? WsdDecayStyle, long WsdDecayIters, long DecayIters, long TrainIters)
{
    public static IReadOnlyList<string> WsdDecayStyles { get; } = ["linear", "cosine", "exponential", "minus_sqrt"];

    public double LearningRateAt(long update)
    {
        long n = update - 1;
        if (WarmupIters > 0 && n <= WarmupIters)
            return WarmupInit + (Lr - WarmupInit) * (double)n / WarmupIters;
        if (DecayStyle == "constant") return Lr;
        if (n > DecayIters) return MinLr;
        double decayRatio = (double)(n - WarmupIters) / (DecayIters - WarmupIters);
        double coeff;
        if (DecayStyle == "linear") coeff = 1.0 - decayRatio;
        else if (DecayStyle == "cosine") coeff = 0.5 * (Math.Cos(Math.PI * decayRatio) + 1.0);
        else
        {
            long annealStart = DecayIters - WsdDecayIters;
            if (n <= annealStart) coeff = 1.0;
            else
            {
                double r = (double)(n - annealStart) / WsdDecayIters;
                coeff = WsdDecayStyle switch
                {
                    "linear" => 1.0 - r,
                    "cosine" => 0.5 * (Math.Cos(Math.PI * r) + 1.0),
                    "exponential" => 2.0 * Math.Pow(0.5, r) - 1.0,
                    _ => 1.0 - Math.Sqrt(r),
                };
            }
        }
        return MinLr + coeff * (Lr - MinLr);
    }
}
