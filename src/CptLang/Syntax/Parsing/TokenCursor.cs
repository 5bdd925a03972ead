using System.Collections.Immutable;
using Antlr4.Runtime;
using CptLang.Syntax.Generated;
using CptLang.Text;

namespace CptLang.Syntax.Parsing;

/// <summary>
/// Turns ANTLR tokens into <see cref="SyntaxToken"/>s with trivia, strictly in source order.
/// Every stream token the tree does not take as a token (whitespace, comments, line breaks,
/// tokens skipped by error recovery, invalid characters) becomes trivia of a neighbour, so the
/// tree always prints back the exact source text.
/// </summary>
internal sealed class TokenCursor(SourceText text, IList<IToken> tokens)
{
    int _next;          // first stream token not yet in the tree
    int _lastEnd;       // end of the last real token taken, where missing tokens are placed

    /// <summary>The tree's token for <paramref name="token"/>, or a missing token of
    /// <paramref name="expected"/> kind when recovery conjured it or it is absent.</summary>
    public SyntaxToken Take(IToken? token, SyntaxKind expected)
    {
        if (token is null || token.TokenIndex < _next || token.Type == TokenConstants.EOF)
            return Missing(expected);
        var leading = TriviaUpTo(token.TokenIndex);
        _next = token.TokenIndex + 1;
        _lastEnd = token.StartIndex + TextOf(token).Length;
        var trailing = TrailingTrivia();
        return new SyntaxToken(TokenKinds.FromAntlr(token.Type), token.StartIndex, TextOf(token), leading, trailing);
    }

    public SyntaxToken Missing(SyntaxKind kind) => new(kind, _lastEnd, "", [], [], isMissing: true);

    /// <summary>The end-of-file token, carrying everything not yet taken as leading trivia.</summary>
    public SyntaxToken EndOfFile() =>
        new(SyntaxKind.EndOfFileToken, text.Length, "", TriviaUpTo(tokens.Count), []);

    string TextOf(IToken token) =>
        token.Type == TokenConstants.EOF ? "" : text.Text.Substring(token.StartIndex, token.StopIndex - token.StartIndex + 1);

    ImmutableArray<SyntaxTrivia> TriviaUpTo(int tokenIndex)
    {
        var trivia = ImmutableArray.CreateBuilder<SyntaxTrivia>();
        for (; _next < tokenIndex; _next++)
        {
            var t = tokens[_next];
            if (t.Type == TokenConstants.EOF) continue;
            var kind = t.Channel == TokenConstants.HiddenChannel ? TokenKinds.FromAntlr(t.Type) : SyntaxKind.SkippedTokenTrivia;
            if (kind == SyntaxKind.BadCharacterToken) kind = SyntaxKind.SkippedTokenTrivia;
            trivia.Add(new SyntaxTrivia(kind, t.StartIndex, TextOf(t)));
        }
        return trivia.ToImmutable();
    }

    /// <summary>Roslyn's rule: spaces and comments up to and including the end of the line.</summary>
    ImmutableArray<SyntaxTrivia> TrailingTrivia()
    {
        var trivia = ImmutableArray.CreateBuilder<SyntaxTrivia>();
        for (; _next < tokens.Count; _next++)
        {
            var t = tokens[_next];
            if (t.Channel != TokenConstants.HiddenChannel || t.Type == CptLexer.BAD_CHARACTER) break;
            trivia.Add(new SyntaxTrivia(TokenKinds.FromAntlr(t.Type), t.StartIndex, TextOf(t)));
            if (t.Type == CptLexer.NEWLINE) { _next++; break; }
        }
        return trivia.ToImmutable();
    }
}
