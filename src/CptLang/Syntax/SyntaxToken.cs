using System.Collections.Immutable;
using CptLang.Text;

namespace CptLang.Syntax;

/// <summary>
/// A token with its trivia (Roslyn's convention: trailing trivia runs to the end of the line,
/// everything else before a token is its leading trivia). A missing token was expected by the
/// parser but absent from the text; it has no text and the parser reported it.
/// </summary>
public sealed class SyntaxToken(
    SyntaxKind kind, int position, string text,
    ImmutableArray<SyntaxTrivia> leadingTrivia, ImmutableArray<SyntaxTrivia> trailingTrivia,
    bool isMissing = false) : SyntaxElement
{
    public override SyntaxKind Kind { get; } = kind;
    public int Position { get; } = position;
    public string Text { get; } = text;
    public ImmutableArray<SyntaxTrivia> LeadingTrivia { get; } = leadingTrivia;
    public ImmutableArray<SyntaxTrivia> TrailingTrivia { get; } = trailingTrivia;
    public override bool IsMissing { get; } = isMissing;

    public override TextSpan Span => new(Position, Text.Length);

    public override TextSpan FullSpan => TextSpan.FromBounds(
        LeadingTrivia.IsEmpty ? Position : LeadingTrivia[0].Position,
        TrailingTrivia.IsEmpty ? Span.End : TrailingTrivia[^1].Span.End);

    public override void WriteTo(TextWriter writer)
    {
        foreach (var trivia in LeadingTrivia) writer.Write(trivia.Text);
        writer.Write(Text);
        foreach (var trivia in TrailingTrivia) writer.Write(trivia.Text);
    }

    public override string ToString() => Text;
}
