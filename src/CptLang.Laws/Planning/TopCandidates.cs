namespace CptLang.Laws.Planning;

/// <summary>The <see cref="Capacity"/> smallest candidates by a key, ties broken by grid index so
/// that the result does not depend on which thread saw what first. Not thread-safe: each worker
/// keeps its own and they are merged at the end.</summary>
internal sealed class TopCandidates(int capacity, Func<CandidateResult, double> key)
{
    readonly PriorityQueue<CandidateResult, (double Key, long Index)> heap = new(Comparer<(double Key, long Index)>.Create((a, b) =>
    {
        int c = b.Key.CompareTo(a.Key); // a max-heap: the worst kept candidate is on top
        return c != 0 ? c : b.Index.CompareTo(a.Index);
    }));

    public int Capacity { get; } = capacity;

    public void Offer(CandidateResult candidate)
    {
        if (Capacity <= 0) return;
        var priority = (key(candidate), candidate.Index);
        if (heap.Count < Capacity) { heap.Enqueue(candidate, priority); return; }
        heap.TryPeek(out _, out var worst);
        if (priority.Item1 < worst.Key || (priority.Item1 == worst.Key && priority.Index < worst.Index))
            heap.EnqueueDequeue(candidate, priority);
    }

    public void Merge(TopCandidates other)
    {
        foreach (var (candidate, _) in other.heap.UnorderedItems) Offer(candidate);
    }

    /// <summary>Best first.</summary>
    public List<CandidateResult> Sorted() =>
        [.. heap.UnorderedItems.Select(x => x.Element).OrderBy(key).ThenBy(c => c.Index)];
}
