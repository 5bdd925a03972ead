using CptLang.Binding;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Export.Frameworks;

/// <summary>cptc's shape names, for diagnostics that suggest one.</summary>
internal static class ShapeNames
{
    /// <summary>polynomial(1) is named for what it is, a linear phase, as the mappings treat it.</summary>
    public static string Of(Kernel kernel) => kernel.Shape == Shape.Polynomial && kernel.Exponent == 1
        ? SyntaxFacts.ShapeName(Shape.Linear)
        : SyntaxFacts.ShapeName(kernel.Shape, kernel.Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The candidate whose schedule is closest to cptc's over the phase (smallest worst-step deviation).</summary>
    public static (T Config, Deviation Deviation) Closest<T>(StageSchedule stage, BoundPhase phase, IEnumerable<T> candidates, Func<T, Func<long, double>> schedule) =>
        candidates.Select(c => (c, Deviation.Measure(stage, schedule(c), phase.FirstStep, phase.LastStep))).MinBy(p => p.Item2.Absolute);
}
