using CptLang.Laws.Schedules;

namespace CptLang.Laws.Areas;

/// <summary>
/// What the law engine requires of a plan. The compiler checks all of this with diagnostics
/// before lowering, so a violation here is a lowering bug and throws
/// <see cref="ArgumentException"/>.
/// </summary>
internal static class PlanValidation
{
    public static void Validate(EvaluationPlan plan)
    {
        var segments = plan.Segments;
        long expected = 1;
        long? switchStep = plan.SwitchStep;
        for (int i = 0; i < segments.Length; i++)
        {
            var seg = segments[i];
            if (seg.FirstStep != expected || seg.LastStep < seg.FirstStep)
                throw Invalid(plan, $"segment {i} covers steps {seg.FirstStep}..{seg.LastStep}; segments must be contiguous and non-empty from step 1");
            if (switchStep is long t && seg.FirstStep <= t && seg.LastStep > t)
                throw Invalid(plan, $"segment {i} (steps {seg.FirstStep}..{seg.LastStep}) straddles the switch after step {t}");
            CheckKernel(plan, i, seg.Kernel);
            expected = seg.LastStep + 1;
        }
    }

    static void CheckKernel(EvaluationPlan plan, int index, Kernel kernel)
    {
        if (!double.IsFinite(kernel.From) || !double.IsFinite(kernel.To) || kernel.From < 0 || kernel.To < 0)
            throw Invalid(plan, $"segment {index} has learning rates {kernel.From} → {kernel.To}; they must be finite and non-negative");
        if ((kernel.Shape is Shape.Exponential or Shape.InverseSqrt) && (kernel.From <= 0 || kernel.To <= 0))
            throw Invalid(plan, $"segment {index} is {kernel.Shape}, which needs both ends strictly positive");
        if (kernel.Shape == Shape.Polynomial && !(kernel.Exponent > 0 && double.IsFinite(kernel.Exponent)))
            throw Invalid(plan, $"segment {index} is a polynomial of power {kernel.Exponent}; the power must be positive");
    }

    static ArgumentException Invalid(EvaluationPlan plan, string message) =>
        new($"plan of run '{plan.Run}': {message}", nameof(plan));
}
