using System.Collections.Immutable;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Planning;

/// <summary>
/// Everything a sweep needs, free of syntax: the family of runs, the grid over it, the laws,
/// what to minimise and what to require. Candidates are numbered 0..<see cref="Count"/>−1 in
/// mixed radix (the last axis varies fastest) and decoded on demand, never stored.
/// </summary>
public sealed record SweepProblem(
    RunFamily Family,
    ImmutableArray<SweepAxis> Axes,
    ImmutableArray<LawDefinition> Laws,
    Objective Objective,
    ImmutableArray<Constraint> Constraints)
{
    /// <summary>The number of grid candidates (the product of the axis sizes; saturates at
    /// <see cref="long.MaxValue"/>).</summary>
    public long Count => CountOf(Axes.Select(a => (long)a.Count));

    public static long CountOf(IEnumerable<long> sizes)
    {
        long count = 1;
        foreach (long size in sizes)
            count = size != 0 && count > long.MaxValue / size ? long.MaxValue : count * size;
        return count;
    }

    /// <summary>The axis values of candidate <paramref name="index"/>.</summary>
    public void Decode(long index, Span<double> values)
    {
        for (int i = Axes.Length - 1; i >= 0; i--)
        {
            int n = Axes[i].Count;
            values[i] = Axes[i].Values[(int)(index % n)];
            index /= n;
        }
    }
}
