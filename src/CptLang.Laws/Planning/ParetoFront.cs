namespace CptLang.Laws.Planning;

/// <summary>
/// The feasible candidates no other beats on both final losses, general and domain (the
/// trade-off the objective's weights pick a point on). Equal points keep the lowest grid index,
/// so the front is the same whatever order candidates arrive in. Not thread-safe.
/// </summary>
internal sealed class ParetoFront
{
    readonly List<CandidateResult> points = [];

    public void Offer(CandidateResult candidate)
    {
        if (candidate is not { GeneralLoss: double g, DomainLoss: double d }) return;
        foreach (var p in points)
            if (Dominates(p.GeneralLoss!.Value, p.DomainLoss!.Value, p.Index, g, d, candidate.Index)) return;
        points.RemoveAll(p => Dominates(g, d, candidate.Index, p.GeneralLoss!.Value, p.DomainLoss!.Value, p.Index));
        points.Add(candidate);
    }

    public void Merge(ParetoFront other)
    {
        foreach (var p in other.points) Offer(p);
    }

    /// <summary>Ordered by general loss (lowest first), so the domain loss falls along it.</summary>
    public List<CandidateResult> Sorted() =>
        [.. points.OrderBy(p => p.GeneralLoss).ThenBy(p => p.DomainLoss).ThenBy(p => p.Index)];

    static bool Dominates(double g1, double d1, long i1, double g2, double d2, long i2) =>
        g1 <= g2 && d1 <= d2 && (g1 < g2 || d1 < d2 || i1 < i2);
}
