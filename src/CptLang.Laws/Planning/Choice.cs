namespace CptLang.Laws.Planning;

/// <summary>The values one candidate takes; null keeps the base run's own.</summary>
public sealed record Choice(
    double? CptPeakLr = null,
    long? CptSteps = null,
    double? ReplayRatio = null,
    ShapeChoice? DecayShape = null,
    double? DecayFraction = null,
    double? LossPotential = null)
{
    /// <summary>The choice at <paramref name="values"/> (one per axis, in axis order).</summary>
    public static Choice Of(IReadOnlyList<SweepAxis> axes, ReadOnlySpan<double> values)
    {
        var c = new Choice();
        for (int i = 0; i < axes.Count; i++)
        {
            double v = values[i];
            c = axes[i].Kind switch
            {
                AxisKind.CptPeakLr => c with { CptPeakLr = v },
                AxisKind.CptSteps => c with { CptSteps = (long)Math.Round(v) },
                AxisKind.ReplayRatio => c with { ReplayRatio = v },
                AxisKind.DecayShape => c with { DecayShape = axes[i].Shapes[(int)v] },
                AxisKind.DecayFraction => c with { DecayFraction = v },
                AxisKind.LossPotential => c with { LossPotential = v },
                _ => throw new ArgumentOutOfRangeException(nameof(axes)),
            };
        }
        return c;
    }
}
