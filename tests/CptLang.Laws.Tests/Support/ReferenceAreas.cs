using CptLang.Laws.Areas;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Tests.Support;

/// <summary>
/// docs/laws.md §1/§3 taken literally, one step at a time: <c>m_i = λ·m_{i−1} + (η_{i−1} − η_i)</c>,
/// <c>η_0 := η_1</c>, <c>S2 = Σ m</c>, with the <c>source</c> split as two separate recurrences.
/// The yardstick every closed form is checked against. Sums are compensated (Neumaier) so that
/// the reference itself does not drift over long walks.
/// </summary>
internal sealed class ReferenceAreas
{
    readonly AreaPoint[] points;
    readonly double[] s2Scale;

    ReferenceAreas(AreaPoint[] points, double[] s2Scale, double maxLearningRate)
    {
        this.points = points;
        this.s2Scale = s2Scale;
        MaxLearningRate = maxLearningRate;
    }

    /// <summary>The largest LR the plan names (any segment end); the floor of every tolerance:
    /// the engine works with these values, so their last digits bound what it can resolve.</summary>
    public double MaxLearningRate { get; }

    public AreaPoint At(long step) => points[step - 1];

    /// <summary>The annealing area of the absolute drops, <c>Σ_i Σ_{k≤i} λ^{i−k}|d_k|</c>: the
    /// natural magnitude of S2 at that step, however much of it cancels.</summary>
    public double S2Scale(long step) => s2Scale[step - 1];

    /// <summary>The LR the areas count at <paramref name="step"/> under the warmup convention.</summary>
    public static double EffectiveLearningRate(EvaluationPlan plan, long step)
    {
        var seg = plan.Segments[plan.SegmentIndexOf(step)];
        bool peak = plan.Settings.WarmupArea == WarmupArea.Peak && seg.Phase == PhaseKind.Warmup
            && (plan.SwitchStep is not long t || seg.LastStep <= t);
        return peak ? seg.Kernel.To : seg.LearningRate(step);
    }

    /// <summary>The largest segment end of <paramref name="plan"/>.</summary>
    public static double PlanScale(EvaluationPlan plan) =>
        plan.Segments.Max(s => Math.Max(s.Kernel.From, s.Kernel.To));

    public static ReferenceAreas Walk(EvaluationPlan plan)
    {
        long total = plan.TotalSteps;
        var points = new AreaPoint[total];
        var scale = new double[total];
        double lambda = plan.Settings.Lambda;
        long? tpt = plan.SwitchStep;
        bool source = plan.Settings.S2Split == S2Split.Source;

        double previous = EffectiveLearningRate(plan, 1), maxLr = 0;
        double m = 0, mPt = 0, mCpt = 0, mAbs = 0;
        Neumaier s1pt = default, s1cpt = default, s2pt = default, s2cpt = default, s2abs = default;
        foreach (var seg in plan.Segments)
        {
            bool peak = plan.Settings.WarmupArea == WarmupArea.Peak && seg.Phase == PhaseKind.Warmup
                && (tpt is not long t0 || seg.LastStep <= t0);
            for (long s = seg.FirstStep; s <= seg.LastStep; s++)
            {
                double lr = seg.LearningRate(s);
                double eta = peak ? seg.Kernel.To : lr;
                maxLr = Math.Max(maxLr, eta);
                double d = previous - eta;
                previous = eta;
                m = lambda * m + d;
                mAbs = lambda * mAbs + Math.Abs(d);
                s2abs.Add(mAbs);
                bool continual = tpt is long t && s > t;
                if (!continual)
                {
                    s1pt.Add(eta);
                    s2pt.Add(m);
                    mPt = m;
                }
                else
                {
                    s1cpt.Add(eta);
                    if (!source) s2cpt.Add(m);
                    else
                    {
                        mPt = lambda * mPt;       // fed only by pre-training drops
                        mCpt = lambda * mCpt + d; // fed only by continual drops
                        s2pt.Add(mPt);
                        s2cpt.Add(mCpt);
                    }
                }
                points[s - 1] = new AreaPoint(s, lr, s1pt.Value, s1cpt.Value, s2pt.Value, s2cpt.Value);
                scale[s - 1] = s2abs.Value;
            }
        }
        return new ReferenceAreas(points, scale, Math.Max(maxLr, PlanScale(plan)));
    }

    /// <summary>Compensated summation.</summary>
    internal struct Neumaier
    {
        double sum, compensation;

        public readonly double Value => sum + compensation;

        public void Add(double x)
        {
            double t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
    }
}
