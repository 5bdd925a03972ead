namespace CptLang.Laws.Planning;

/// <summary>
/// The feasible candidates no other beats on both final losses, general and domain (the
/// trade-off the objective's weights pick a point on). Equal points keep the lowest grid index,
/// so the front is the same whatever order candidates arrive in. Not thread-safe.
/// <para>On a front the general loss rises strictly and the domain loss falls strictly, so the
/// front is kept ordered by general loss in a treap: a candidate can only be dominated by its
/// predecessor, and only dominates a run of its successors. An offer costs O(log n) plus the
/// points it removes (each removed once): a million candidates cost the same per candidate as
/// ten thousand (docs/performance.md).</para>
/// </summary>
internal sealed class ParetoFront
{
    sealed class Node(CandidateResult item, double g, double d, uint priority)
    {
        public readonly CandidateResult Item = item;
        public readonly double G = g, D = d;
        public readonly uint Priority = priority;
        public Node? Left, Right;
    }

    Node? root;

    public int Count { get; private set; }

    public void Offer(CandidateResult candidate)
    {
        if (candidate is not { GeneralLoss: double g, DomainLoss: double d }) return;
        // points with general loss ≤ g on the left; the last of them has the lowest domain loss
        Split(root, g, out var left, out var right);
        if (Rightmost(left) is { } p && Dominates(p.G, p.D, p.Item.Index, g, d, candidate.Index))
        {
            root = Merge(left, right);
            return;
        }
        // an equal general loss on the left is dominated by the candidate now
        if (Rightmost(left) is { } same && same.G == g) { left = RemoveRightmost(left!); Count--; }
        while (Leftmost(right) is { } q && Dominates(g, d, candidate.Index, q.G, q.D, q.Item.Index))
        {
            right = RemoveLeftmost(right!);
            Count--;
        }
        root = Merge(Merge(left, new Node(candidate, g, d, Priority(candidate.Index))), right);
        Count++;
    }

    public void Merge(ParetoFront other)
    {
        foreach (var p in other.Sorted()) Offer(p);
    }

    /// <summary>Ordered by general loss (lowest first), so the domain loss falls along it.</summary>
    public List<CandidateResult> Sorted()
    {
        var list = new List<CandidateResult>(Count);
        var stack = new Stack<Node>();
        for (var n = root; n is not null || stack.Count > 0;)
        {
            if (n is not null) { stack.Push(n); n = n.Left; continue; }
            n = stack.Pop();
            list.Add(n.Item);
            n = n.Right;
        }
        return list;
    }

    static bool Dominates(double g1, double d1, long i1, double g2, double d2, long i2) =>
        g1 <= g2 && d1 <= d2 && (g1 < g2 || d1 < d2 || i1 < i2);

    // a fixed hash of the grid index: the tree's shape, like its content, does not depend on arrival order
    static uint Priority(long index)
    {
        ulong x = (ulong)index * 0x9E3779B97F4A7C15UL;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        return (uint)(x >> 32);
    }

    /// <summary>Splits into the nodes with <c>G ≤ g</c> and the rest.</summary>
    static void Split(Node? n, double g, out Node? left, out Node? right)
    {
        if (n is null) { left = right = null; return; }
        if (n.G <= g)
        {
            Split(n.Right, g, out var l, out right);
            n.Right = l;
            left = n;
        }
        else
        {
            Split(n.Left, g, out left, out var r);
            n.Left = r;
            right = n;
        }
    }

    /// <summary>Joins two treaps, every key of <paramref name="a"/> below every key of <paramref name="b"/>.</summary>
    static Node? Merge(Node? a, Node? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        if (a.Priority >= b.Priority)
        {
            a.Right = Merge(a.Right, b);
            return a;
        }
        b.Left = Merge(a, b.Left);
        return b;
    }

    static Node? Leftmost(Node? n)
    {
        while (n?.Left is not null) n = n.Left;
        return n;
    }

    static Node? Rightmost(Node? n)
    {
        while (n?.Right is not null) n = n.Right;
        return n;
    }

    static Node? RemoveLeftmost(Node n)
    {
        if (n.Left is null) return n.Right;
        n.Left = RemoveLeftmost(n.Left);
        return n;
    }

    static Node? RemoveRightmost(Node n)
    {
        if (n.Right is null) return n.Left;
        n.Right = RemoveRightmost(n.Right);
        return n;
    }
}
