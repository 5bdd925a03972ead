using System.Diagnostics.CodeAnalysis;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Derived;

/// <summary>What became of the general-domain loss after the switch.</summary>
public enum TurningOutcome
{
    /// <summary>It rose and came back to its switch value within the run:
    /// <see cref="TurningLength.ContinualSteps"/> is the turning length.</summary>
    Within,
    /// <summary>It rose and is still above its switch value when the run ends, but its long-run
    /// limit is not above it. <see cref="TurningLength.ContinualSteps"/>, when known, is when it
    /// would come back if training went on at the run's final LR.</summary>
    NotWithinRun,
    /// <summary>It rose and never comes back: it stays above its switch value however long CPT
    /// continues at the final LR (its limit <see cref="TurningLength.LongRunLimit"/> is higher).</summary>
    Never,
    /// <summary>It never rose above its switch value (within the run and the extension), so
    /// there is nothing to turn.</summary>
    NoRise,
    /// <summary>It rose and is still above its switch value when the run ends, and the run ends
    /// at LR 0: nothing more is trained, so there is no later recovery to extrapolate (the law's
    /// annealing term would keep falling at LR 0, which is not learning).</summary>
    EndsAnnealed,
}

/// <summary>
/// The turning length (docs/laws.md §5): the fewest CPT steps after which the general-domain loss,
/// having risen, is back at or below its value at the switch. Searched exactly, over the run and
/// then over the run extended at its final LR, so that a run that stops too early still learns
/// when (or whether) its loss would turn.
/// </summary>
/// <param name="Law">The general-domain law.</param>
/// <param name="SwitchStep"><c>T_pt</c>.</param>
/// <param name="ContinualSteps">The turning length <c>t</c> for <see cref="TurningOutcome.Within"/>;
/// the extrapolated one for <see cref="TurningOutcome.NotWithinRun"/> when it is within
/// 2^40 steps; otherwise null.</param>
/// <param name="RiseStep">The first CPT step <c>t</c> at which the loss was above its switch value.</param>
/// <param name="SwitchLoss">The loss at the switch, the level it must come back to.</param>
/// <param name="FinalLoss">The loss at the run's last step.</param>
/// <param name="LongRunLimit">The loss as CPT goes on forever at <paramref name="HeldLearningRate"/>;
/// for Eq. 4 with a positive LR, <c>L0 + B − C1·S2pt − C2·S2cpt</c>.</param>
/// <param name="HeldLearningRate">The run's final LR, held for the extrapolation.</param>
public sealed record TurningLength(
    string Law,
    TurningOutcome Outcome,
    long SwitchStep,
    long? ContinualSteps,
    long? RiseStep,
    double SwitchLoss,
    double FinalLoss,
    double LongRunLimit,
    double HeldLearningRate)
{
    /// <summary>The absolute step at which the loss is back (when <see cref="ContinualSteps"/> is known).</summary>
    public long? Step => ContinualSteps is long t ? SwitchStep + t : null;

    /// <summary>Finds the turning length of law <paramref name="law"/> of
    /// <paramref name="predictor"/>; false, with the <paramref name="problem"/>, when the law is
    /// undefined at a step the search visits. Throws <see cref="InvalidOperationException"/> when
    /// the run has no switch or the law has a structural problem (the caller checks both first).</summary>
    public static bool TryFind(LossPredictor predictor, int law,
        [NotNullWhen(true)] out TurningLength? turning, [NotNullWhen(false)] out LawProblem? problem)
    {
        var curve = DerivedQuantities.CurveOf(predictor, law);
        turning = Find(curve);
        problem = curve.Problem;
        return turning is not null;
    }

    /// <summary>The turning length within the run only, without the extrapolation past its end:
    /// the CPT steps until the loss is back (null when it never rose), or −1 when it rose and is
    /// not back by the end of the run. What a requirement on the turning length needs, at a
    /// fraction of the cost of <see cref="TryFind"/> when the loss hovers just above its switch
    /// value long after the run. Meaningless once <see cref="ContinualCurve.Problem"/> is set.</summary>
    internal static long? WithinRun(ContinualCurve curve)
    {
        long tpt = curve.SwitchStep;
        if (curve.RunEnd <= tpt || LossSearch.FirstAbove(curve, tpt + 1, curve.RunEnd) is not long rise) return null;
        return LossSearch.FirstAtOrBelow(curve, rise + 1, curve.RunEnd) is long back ? back - tpt : -1;
    }

    /// <summary>The same on a curve built already (the optimiser shares one per candidate); null
    /// exactly when the law is undefined somewhere (<see cref="ContinualCurve.Problem"/>).</summary>
    internal static TurningLength? Find(ContinualCurve curve)
    {
        long runEnd = curve.RunEnd, tpt = curve.SwitchStep;
        if (curve.Problem is not null) return null;
        double finalLoss = curve.Loss(runEnd);
        TurningLength Result(TurningOutcome outcome, long? back, long? rise) =>
            new(curve.LawName, outcome, tpt, back is long s ? s - tpt : null, rise is long r ? r - tpt : null,
                curve.SwitchLoss, finalLoss, curve.LongRunLimit, curve.HeldLearningRate);

        long? rise = curve.Problem is null ? LossSearch.FirstAbove(curve, tpt + 1, curve.End) : null;
        if (curve.Problem is not null) return null;
        if (rise is null) return Result(TurningOutcome.NoRise, null, null);
        long? back = LossSearch.FirstAtOrBelow(curve, rise.Value + 1, curve.End);
        if (curve.Problem is not null) return null;
        if (back is not null && back <= runEnd) return Result(TurningOutcome.Within, back, rise);
        // at LR 0 a "recovery" after the run is the annealing term alone, not learning
        if (back is not null && curve.HeldLearningRate == 0) return Result(TurningOutcome.EndsAnnealed, null, rise);
        if (back is not null) return Result(TurningOutcome.NotWithinRun, back, rise);
        // Still above after 2^40 more steps: "never" when even the bound over all later steps
        // stays above the switch value; otherwise it may yet come back, later than we looked.
        var tail = curve.TailBounds();
        if (curve.Problem is not null) return null;
        return Result(tail.Low > 0 ? TurningOutcome.Never
            : curve.HeldLearningRate == 0 ? TurningOutcome.EndsAnnealed : TurningOutcome.NotWithinRun, null, rise);
    }
}
