using System.Collections.Immutable;

namespace CptLang.Laws.Schedules;

/// <summary>
/// One run, lowered: the per-step learning rate as contiguous segments with closed-form
/// kernels, the stages (domains, replay), and the settings the laws use. This is what the
/// compiler produces and everything downstream (areas, laws, export, optimisation) consumes.
/// </summary>
/// <param name="Run">The run's name in the source file.</param>
/// <param name="PeakLr">The run's <c>peak_lr</c> (what <c>%</c> LRs were relative to).</param>
/// <param name="TokensPerStep">The run's <c>tokens_per_step</c>, when given.</param>
/// <param name="Segments">Contiguous, non-empty, starting at step 1 (none for a run with only an
/// unknown pre-training stage, which the compiler rejects).</param>
public sealed record EvaluationPlan(
    string Run,
    double PeakLr,
    double? TokensPerStep,
    PlanSettings Settings,
    ImmutableArray<Stage> Stages,
    ImmutableArray<Segment> Segments)
{
    /// <summary>The last step of the run (<c>T_pt + T_cpt</c>).</summary>
    public long TotalSteps => Segments.IsEmpty ? 0 : Segments[^1].LastStep;

    /// <summary>The pre-training stage (known or unknown), if any.</summary>
    public Stage? Pretraining => Stages.FirstOrDefault(s => s.Kind != StageKind.Continual);

    /// <summary>The continual pre-training stage after the switch, if any.</summary>
    public Stage? Continual => Stages.FirstOrDefault(s => s.Kind == StageKind.Continual);

    /// <summary><c>T_pt</c>: the last pre-training step, after which the domain switches;
    /// 0 when pre-training is unknown; null when the run never switches.</summary>
    public long? SwitchStep => Continual is { } cpt ? cpt.FirstStep - 1 : null;

    /// <summary>The segment holding <paramref name="step"/> (binary search).</summary>
    public int SegmentIndexOf(long step)
    {
        if (step < 1 || step > TotalSteps)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"run '{Run}' has steps 1..{TotalSteps}");
        int lo = 0, hi = Segments.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Segments[mid].LastStep < step) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>This plan with the annealing area's momentum decay λ set to
    /// <paramref name="lambda"/> (a law that states its own λ, or <c>cptc fit --fit-lambda</c>).</summary>
    public EvaluationPlan WithLambda(double lambda) =>
        lambda == Settings.Lambda ? this : this with { Settings = Settings with { Lambda = lambda } };

    /// <summary>The largest LR of steps 1..<paramref name="last"/> (0 for none). Every shape is
    /// monotone over its segment, so the extremes are its first and last steps.</summary>
    public double LargestLearningRate(long last)
    {
        double largest = 0;
        foreach (var segment in Segments)
        {
            if (segment.FirstStep > last) break;
            largest = Math.Max(largest, Math.Max(segment.LearningRate(segment.FirstStep), segment.LearningRate(Math.Min(segment.LastStep, last))));
        }
        return largest;
    }

    /// <summary>The learning rate of absolute step <paramref name="step"/>.</summary>
    public double LearningRate(long step) => Segments[SegmentIndexOf(step)].LearningRate(step);
}
