using System.Globalization;
using CptLang.Laws.Planning;
using Cptc.Predict;

namespace Cptc.Optimize;

/// <summary>Axis values the way the sweep was written: LRs as 2e-5, ratios in %, steps with separators.</summary>
internal static class AxisFormat
{
    public static string Value(SweepAxis axis, double value) => axis.Kind switch
    {
        AxisKind.CptPeakLr => LearningRateFormat.Short(value),
        AxisKind.CptSteps => ((long)Math.Round(value)).ToString("N0", CultureInfo.InvariantCulture),
        AxisKind.DecayShape => ShapeName(axis.Shapes[(int)value]),
        _ => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
    };

    /// <summary>The value in a machine-readable form: numbers as numbers (ratios as fractions), shapes by name.</summary>
    public static string Raw(SweepAxis axis, double value) => axis.Kind == AxisKind.DecayShape
        ? ShapeName(axis.Shapes[(int)value])
        : value.ToString("R", CultureInfo.InvariantCulture);

    public static string ShapeName(ShapeChoice shape) =>
        CptLang.Syntax.SyntaxFacts.ShapeName(shape.Shape, shape.Exponent.ToString(CultureInfo.InvariantCulture));

    public static string Name(SweepAxis axis) => AxisNames.Of(axis.Kind);
}
