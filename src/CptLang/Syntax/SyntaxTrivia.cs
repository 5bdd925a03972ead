using CptLang.Text;

namespace CptLang.Syntax;

/// <summary>Text that carries no meaning but is kept so the tree round-trips: whitespace, line
/// breaks, comments, and tokens the parser had to skip.</summary>
public sealed class SyntaxTrivia(SyntaxKind kind, int position, string text)
{
    public SyntaxKind Kind { get; } = kind;
    public int Position { get; } = position;
    public string Text { get; } = text;
    public TextSpan Span => new(Position, Text.Length);
    public bool IsComment => Kind is SyntaxKind.LineCommentTrivia or SyntaxKind.BlockCommentTrivia;
    public override string ToString() => Text;
}
