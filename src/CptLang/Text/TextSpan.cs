namespace CptLang.Text;

/// <summary>A range of characters in a <see cref="SourceText"/>: [Start, End).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>From the start of <paramref name="first"/> to the end of whichever ends later
    /// (a missing token has an empty span that may lie before its neighbour).</summary>
    public static TextSpan Covering(TextSpan first, TextSpan last) => FromBounds(first.Start, Math.Max(first.End, last.End));

    public bool Contains(int position) => position >= Start && position < End;

    public override string ToString() => $"[{Start}..{End})";
}
