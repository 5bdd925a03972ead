using CptLang.Laws.Schedules;

namespace CptLang.Laws.Derived;

/// <summary>
/// Loss potential (docs/laws.md §5): how much annealing pre-training left undone,
/// <c>LP = η_PT,final / η_PT,peak</c> — 1 if pre-training never annealed, 0 if it annealed to
/// zero. Higher LP gives a lower final domain loss (CPT Finding 3). Real LRs, warmup included.
/// </summary>
/// <param name="FinalLearningRate">The LR of the last pre-training step (the whole run if there
/// is no switch).</param>
/// <param name="PeakLearningRate">The largest LR of any pre-training step.</param>
public sealed record LossPotential(double Value, double FinalLearningRate, double PeakLearningRate)
{
    /// <summary>The loss potential of <paramref name="plan"/>; null when pre-training is unknown
    /// (open model) or has no positive LR.</summary>
    public static LossPotential? Of(EvaluationPlan plan)
    {
        long last = plan.SwitchStep ?? plan.TotalSteps;
        if (last <= 0) return null;
        double peak = plan.LargestLearningRate(last);
        if (!(peak > 0)) return null;
        double final = plan.LearningRate(last);
        return new LossPotential(final / peak, final, peak);
    }
}
