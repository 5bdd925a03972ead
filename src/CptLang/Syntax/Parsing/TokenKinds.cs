using CptLang.Syntax.Generated;

namespace CptLang.Syntax.Parsing;

/// <summary>Maps ANTLR token types to <see cref="SyntaxKind"/>s; the only place that knows both.</summary>
internal static class TokenKinds
{
    public static SyntaxKind FromAntlr(int type) => type switch
    {
        CptLexer.Eof => SyntaxKind.EndOfFileToken,
        CptLexer.RUN => SyntaxKind.RunKeyword,
        CptLexer.TRAIN => SyntaxKind.TrainKeyword,
        CptLexer.PRETRAINED => SyntaxKind.PretrainedKeyword,
        CptLexer.SWITCH => SyntaxKind.SwitchKeyword,
        CptLexer.TO => SyntaxKind.ToKeyword,
        CptLexer.FROM => SyntaxKind.FromKeyword,
        CptLexer.AT => SyntaxKind.AtKeyword,
        CptLexer.UNTIL => SyntaxKind.UntilKeyword,
        CptLexer.WARMUP => SyntaxKind.WarmupKeyword,
        CptLexer.STABLE => SyntaxKind.StableKeyword,
        CptLexer.DECAY => SyntaxKind.DecayKeyword,
        CptLexer.DROP => SyntaxKind.DropKeyword,
        CptLexer.REPLAY => SyntaxKind.ReplayKeyword,
        CptLexer.LAW => SyntaxKind.LawKeyword,
        CptLexer.SWEEP => SyntaxKind.SweepKeyword,
        CptLexer.MINIMIZE => SyntaxKind.MinimizeKeyword,
        CptLexer.REQUIRE => SyntaxKind.RequireKeyword,
        CptLexer.LBRACE => SyntaxKind.OpenBraceToken,
        CptLexer.RBRACE => SyntaxKind.CloseBraceToken,
        CptLexer.LPAREN => SyntaxKind.OpenParenToken,
        CptLexer.RPAREN => SyntaxKind.CloseParenToken,
        CptLexer.EQUALS => SyntaxKind.EqualsToken,
        CptLexer.PLUS => SyntaxKind.PlusToken,
        CptLexer.MINUS => SyntaxKind.MinusToken,
        CptLexer.STAR => SyntaxKind.StarToken,
        CptLexer.PERCENT => SyntaxKind.PercentToken,
        CptLexer.DOT => SyntaxKind.DotToken,
        CptLexer.COMMA => SyntaxKind.CommaToken,
        CptLexer.LESS_EQUAL => SyntaxKind.LessOrEqualToken,
        CptLexer.ONE_SQRT => SyntaxKind.OneSqrtToken,
        CptLexer.NUMBER => SyntaxKind.NumberToken,
        CptLexer.IDENTIFIER => SyntaxKind.IdentifierToken,
        CptLexer.LINE_COMMENT => SyntaxKind.LineCommentTrivia,
        CptLexer.BLOCK_COMMENT => SyntaxKind.BlockCommentTrivia,
        CptLexer.NEWLINE => SyntaxKind.EndOfLineTrivia,
        CptLexer.WHITESPACE => SyntaxKind.WhitespaceTrivia,
        _ => SyntaxKind.BadCharacterToken,
    };
}
