using System.Collections.Immutable;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Planning;

/// <summary>What a sweep varies in its base run (docs/laws.md §5, the choices Eq. 5 optimises over).</summary>
public enum AxisKind
{
    /// <summary>The highest LR of the CPT stage: the stage's schedule is scaled to it.</summary>
    CptPeakLr,
    /// <summary>The number of CPT steps: the stage's phases are stretched in proportion.</summary>
    CptSteps,
    /// <summary><c>r_pt</c>, the fraction of each CPT batch replayed from the pre-training domain.</summary>
    ReplayRatio,
    /// <summary>The shape of the CPT stage's final decay.</summary>
    DecayShape,
    /// <summary>The share of the CPT steps taken by the final decay (warmups keep their length,
    /// a stable phase holds the rest).</summary>
    DecayFraction,
    /// <summary>The pre-training's final LR over its peak: its final decay ends there.</summary>
    LossPotential,
}

/// <summary>A decay shape a sweep may choose (the exponent only for <see cref="Shape.Polynomial"/>).</summary>
public readonly record struct ShapeChoice(Shape Shape, double Exponent = 0);

/// <summary>
/// One dimension of a sweep: its values in order. A range (<c>lo to hi step s</c>) is
/// <see cref="IsContinuous"/>: the refinement may try values between its grid points, never
/// outside <see cref="Min"/>..<see cref="Max"/>. A shape axis holds indices into
/// <see cref="Shapes"/>.
/// </summary>
public sealed record SweepAxis(AxisKind Kind, ImmutableArray<double> Values, bool IsContinuous, ImmutableArray<ShapeChoice> Shapes = default)
{
    public int Count => Values.Length;
    public double Min => Values.Min();
    public double Max => Values.Max();

    /// <summary>The grid step of a range (its values are evenly spaced).</summary>
    public double Step => Values.Length > 1 ? Values[1] - Values[0] : 0;

    public static SweepAxis List(AxisKind kind, IEnumerable<double> values) => new(kind, [.. values], false);

    /// <summary><c>lo, lo + step, …</c> up to <paramref name="hi"/> (included when it lies on
    /// the grid, to rounding). <paramref name="step"/> must be positive and
    /// <paramref name="hi"/> ≥ <paramref name="lo"/>.</summary>
    public static SweepAxis Range(AxisKind kind, double lo, double hi, double step)
    {
        if (!(step > 0) || !(hi >= lo)) throw new ArgumentException($"bad range {lo} to {hi} step {step}");
        long count = RangeCount(lo, hi, step);
        var values = ImmutableArray.CreateBuilder<double>((int)count);
        for (long i = 0; i < count; i++) values.Add(Math.Min(hi, lo + i * step));
        if (kind == AxisKind.CptSteps) for (int i = 0; i < values.Count; i++) values[i] = Math.Round(values[i]);
        return new SweepAxis(kind, values.MoveToImmutable(), count > 1);
    }

    /// <summary>How many values <c>lo to hi step s</c> has (a grid point within 10⁻⁹ of a
    /// step past <paramref name="hi"/> still counts: 0.1 to 0.3 step 0.1 has three).</summary>
    public static long RangeCount(double lo, double hi, double step) =>
        (long)Math.Floor((hi - lo) / step + 1e-9) + 1;

    public static SweepAxis OfShapes(IEnumerable<ShapeChoice> shapes)
    {
        var list = shapes.ToImmutableArray();
        return new SweepAxis(AxisKind.DecayShape, [.. Enumerable.Range(0, list.Length).Select(i => (double)i)], false, list);
    }
}
