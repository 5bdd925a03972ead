using CptLang.Text;

namespace CptLang.Syntax;

/// <summary>A node or a token of the syntax tree.</summary>
public abstract class SyntaxElement
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>The element's text without leading or trailing trivia.</summary>
    public abstract TextSpan Span { get; }

    /// <summary>The element's text with all its trivia.</summary>
    public abstract TextSpan FullSpan { get; }

    /// <summary>True when every token in it was inserted by error recovery (no source text).</summary>
    public abstract bool IsMissing { get; }

    public abstract void WriteTo(TextWriter writer);

    public string ToFullString()
    {
        using var writer = new StringWriter();
        WriteTo(writer);
        return writer.ToString();
    }
}
