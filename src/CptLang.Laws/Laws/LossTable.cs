using System.Collections.Immutable;
using CptLang.Laws.Areas;

namespace CptLang.Laws.Laws;

/// <summary>
/// Every law's predicted loss at the steps of an <see cref="AreaTable"/>. A law with a problem
/// (structural, or undefined at some step) has no column: its <see cref="LawProblem"/> is in
/// <see cref="Problems"/> instead, so no NaN or infinity ever reaches a caller.
/// </summary>
public sealed class LossTable
{
    readonly double[]?[] losses;

    internal LossTable(AreaTable areas, ImmutableArray<PredictedLaw> laws, double[]?[] losses, ImmutableArray<LawProblem> problems)
    {
        Areas = areas;
        Laws = laws;
        this.losses = losses;
        Problems = problems;
    }

    public AreaTable Areas { get; }

    public int Count => Areas.Count;

    public ImmutableArray<PredictedLaw> Laws { get; }

    /// <summary>Structural problems of the laws and, for each law undefined somewhere, the first
    /// such step and how many there were.</summary>
    public ImmutableArray<LawProblem> Problems { get; }

    public bool IsDefined(int law) => losses[law] is not null;

    /// <summary>The loss of law <paramref name="law"/> at every row, for a caller that checked
    /// <see cref="IsDefined"/>; otherwise throws <see cref="InvalidOperationException"/>.</summary>
    public ReadOnlySpan<double> Loss(int law) => losses[law] ?? throw new InvalidOperationException(ProblemOf(law).ToString());

    public bool TryGetLoss(int law, out ReadOnlySpan<double> loss)
    {
        loss = losses[law];
        return losses[law] is not null;
    }

    /// <summary>The problem that keeps law <paramref name="law"/> from having a column.</summary>
    public LawProblem ProblemOf(int law) =>
        Problems.FirstOrDefault(p => p.Law == Laws[law].Name)
        ?? throw new InvalidOperationException($"law '{Laws[law].Name}' has no problem");
}
