using CptLang.Text;

namespace CptLang.Syntax;

/// <summary>
/// An immutable node of the typed syntax tree. Children are listed in source order; optional
/// children that are absent are skipped. Concatenating every token with its trivia gives back
/// the source text exactly, broken input included.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    /// <summary>The node's children in source order (absent optional children omitted).</summary>
    public abstract IEnumerable<SyntaxElement> GetChildren();

    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var child in GetChildren())
        {
            if (child is SyntaxToken token) yield return token;
            else foreach (var t in ((SyntaxNode)child).DescendantTokens()) yield return t;
        }
    }

    public SyntaxToken? FirstToken => DescendantTokens().FirstOrDefault();

    public SyntaxToken? LastToken => DescendantTokens().LastOrDefault();

    public override TextSpan Span
    {
        get
        {
            var present = DescendantTokens().Where(t => !t.IsMissing).ToList();
            if (present.Count == 0)
                return new TextSpan(FirstToken?.Position ?? 0, 0);
            return TextSpan.FromBounds(present[0].Span.Start, present[^1].Span.End);
        }
    }

    public override TextSpan FullSpan => FirstToken is { } first && LastToken is { } last
        ? TextSpan.FromBounds(first.FullSpan.Start, last.FullSpan.End)
        : default;

    public override bool IsMissing => DescendantTokens().All(t => t.IsMissing);

    /// <summary>True when error recovery inserted any token inside this node.</summary>
    public bool ContainsMissing => DescendantTokens().Any(t => t.IsMissing);

    public override void WriteTo(TextWriter writer)
    {
        foreach (var token in DescendantTokens()) token.WriteTo(writer);
    }

    /// <summary>Helper for <see cref="GetChildren"/> implementations: skips absent children.</summary>
    protected static IEnumerable<SyntaxElement> Children(params object?[] children)
    {
        foreach (var child in children)
        {
            if (child is SyntaxElement element) yield return element;
            else if (child is IEnumerable<SyntaxElement> list)
                foreach (var e in list) yield return e;
        }
    }
}
