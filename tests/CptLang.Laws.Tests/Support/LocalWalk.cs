using CptLang.Laws.Areas;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Tests.Support;

/// <summary>The per-step recurrence of <see cref="ReferenceAreas"/>, started from a given state
/// instead of step 0, for checking steps deep inside segments too long to walk from the start.</summary>
internal static class LocalWalk
{
    public static AreaPoint From(EvaluationPlan plan, AreaState start, long steps, out double s2Scale, out double maxLr)
    {
        double lambda = plan.Settings.Lambda;
        long? tpt = plan.SwitchStep;
        bool source = plan.Settings.S2Split == S2Split.Source;
        var p = start.Point;
        double previous = start.EffectiveLearningRate, m = start.Momentum, mPt = start.PtMomentum, mCpt = start.CptMomentum;
        var s1pt = new ReferenceAreas.Neumaier(); s1pt.Add(p.S1pt);
        var s1cpt = new ReferenceAreas.Neumaier(); s1cpt.Add(p.S1cpt);
        var s2pt = new ReferenceAreas.Neumaier(); s2pt.Add(p.S2pt);
        var s2cpt = new ReferenceAreas.Neumaier(); s2cpt.Add(p.S2cpt);
        // The walk cannot know the absolute drops before it started; their current sizes stand in.
        double scale = Math.Abs(p.S2pt) + Math.Abs(p.S2cpt) + Math.Abs(m) / (1 - lambda), mAbs = Math.Abs(m);
        maxLr = Math.Max(previous, ReferenceAreas.PlanScale(plan));
        long s = p.Step;
        for (long i = 0; i < steps; i++)
        {
            s++;
            double eta = ReferenceAreas.EffectiveLearningRate(plan, s);
            maxLr = Math.Max(maxLr, eta);
            double d = previous - eta;
            previous = eta;
            m = lambda * m + d;
            mAbs = lambda * mAbs + Math.Abs(d);
            scale += mAbs;
            if (tpt is not long t || s <= t)
            {
                s1pt.Add(eta); s2pt.Add(m); mPt = m; mCpt = 0;
            }
            else
            {
                s1cpt.Add(eta);
                if (!source) s2cpt.Add(m);
                else
                {
                    mPt = lambda * mPt;
                    mCpt = lambda * mCpt + d;
                    s2pt.Add(mPt); s2cpt.Add(mCpt);
                }
            }
        }
        s2Scale = scale;
        var seg = plan.Segments[plan.SegmentIndexOf(s)];
        return new AreaPoint(s, seg.LearningRate(s), s1pt.Value, s1cpt.Value, s2pt.Value, s2cpt.Value);
    }
}
