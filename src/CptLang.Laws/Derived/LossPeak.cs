using System.Diagnostics.CodeAnalysis;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Derived;

/// <summary>The highest loss of a law after the switch, within the run (docs/laws.md §5: how far the
/// general-domain loss rises before it turns).</summary>
/// <param name="Step">The earliest absolute step with that loss.</param>
/// <param name="ContinualSteps">The same step counted from the switch.</param>
/// <param name="Loss">The maximum loss.</param>
/// <param name="SwitchLoss">The loss at the switch, for reference.</param>
public sealed record LossPeak(string Law, long Step, long ContinualSteps, double Loss, double SwitchLoss)
{
    /// <summary>Finds the maximum of law <paramref name="law"/> over the CPT steps of the run
    /// (exactly, by branch and bound); false, with the <paramref name="problem"/>, when the law is
    /// undefined at a step the search visits. Throws like <see cref="TurningLength.TryFind"/>, and
    /// <see cref="InvalidOperationException"/> when the run has no CPT steps.</summary>
    public static bool TryFind(LossPredictor predictor, int law,
        [NotNullWhen(true)] out LossPeak? peak, [NotNullWhen(false)] out LawProblem? problem)
    {
        var curve = DerivedQuantities.CurveOf(predictor, law);
        peak = null;
        problem = curve.Problem;
        if (problem is not null) return false;
        if (curve.RunEnd <= curve.SwitchStep)
            throw new InvalidOperationException($"run '{predictor.Plan.Run}' has no steps after the switch");
        var found = LossSearch.Maximum(curve, curve.SwitchStep + 1, curve.RunEnd);
        problem = curve.Problem;
        if (problem is not null) return false;
        var (step, excess) = found!.Value; // null only with a problem
        peak = new LossPeak(curve.LawName, step, step - curve.SwitchStep, curve.SwitchLoss + excess, curve.SwitchLoss);
        return true;
    }
}
