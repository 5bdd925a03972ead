using CptLang.Binding;
using CptLang.Laws.Schedules;

namespace CptLang.Export.Frameworks;

/// <summary>cptc's shape names, for diagnostics that suggest one.</summary>
internal static class ShapeNames
{
    public static string Of(Kernel kernel) => kernel.Shape switch
    {
        Shape.Constant => "constant",
        Shape.Linear => "linear",
        Shape.Cosine => "cosine",
        Shape.OneMinusSqrt or Shape.SqrtOfOneMinus => "1-sqrt",
        Shape.Square => "square",
        Shape.Polynomial => kernel.Exponent == 1 ? "linear" : $"polynomial({kernel.Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        Shape.Exponential => "exponential",
        _ => "inverse-sqrt",
    };

    /// <summary>The candidate whose schedule is closest to cptc's over the phase (smallest worst-step deviation).</summary>
    public static (T Config, Deviation Deviation) Closest<T>(StageSchedule stage, BoundPhase phase, IEnumerable<T> candidates, Func<T, Func<long, double>> schedule) =>
        candidates.Select(c => (c, Deviation.Measure(stage, schedule(c), phase.FirstStep, phase.LastStep))).MinBy(p => p.Item2.Absolute);
}
