namespace CptLang.Syntax;

public enum SyntaxKind
{
    // tokens
    EndOfFileToken,
    RunKeyword, TrainKeyword, PretrainedKeyword, SwitchKeyword, ToKeyword, FromKeyword, AtKeyword,
    UntilKeyword, WarmupKeyword, StableKeyword, DecayKeyword, DropKeyword, ReplayKeyword, LawKeyword,
    SweepKeyword, MinimizeKeyword, RequireKeyword,
    OpenBraceToken, CloseBraceToken, OpenParenToken, CloseParenToken, EqualsToken, PlusToken,
    MinusToken, StarToken, PercentToken, DotToken, CommaToken, LessOrEqualToken,
    OneSqrtToken, NumberToken, IdentifierToken, BadCharacterToken,

    // trivia
    WhitespaceTrivia, EndOfLineTrivia, LineCommentTrivia, BlockCommentTrivia, SkippedTokenTrivia,

    // nodes
    CompilationUnit,
    RunDeclaration, Property,
    TrainStage, PretrainedStage, SwitchStage, StageBody, Replay,
    WarmupPhase, StablePhase, DecayPhase, DropPhase,
    CountLength, UntilLength, FromClause, ToClause, AtClause, Shape,
    NumberValue, WordValue,
    LawDeclaration, LawBody, Parameter, LawExpression, LawTerm, QualifiedName,
    SweepDeclaration, SweepAxis, SweepRange, SweepList, Objective, Requirement,
}

public static class SyntaxFacts
{
    /// <summary>How a token kind reads in a message: '{', 'run', a number.</summary>
    public static string DisplayName(SyntaxKind kind) => kind switch
    {
        SyntaxKind.EndOfFileToken => "end of file",
        SyntaxKind.NumberToken => "a number",
        SyntaxKind.IdentifierToken => "a name",
        SyntaxKind.BadCharacterToken => "an invalid character",
        _ when Text(kind) is { } text => $"'{text}'",
        _ => kind.ToString(),
    };

    /// <summary>The fixed text of a keyword or punctuation token.</summary>
    public static string? Text(SyntaxKind kind) => kind switch
    {
        SyntaxKind.RunKeyword => "run",
        SyntaxKind.TrainKeyword => "train",
        SyntaxKind.PretrainedKeyword => "pretrained",
        SyntaxKind.SwitchKeyword => "switch",
        SyntaxKind.ToKeyword => "to",
        SyntaxKind.FromKeyword => "from",
        SyntaxKind.AtKeyword => "at",
        SyntaxKind.UntilKeyword => "until",
        SyntaxKind.WarmupKeyword => "warmup",
        SyntaxKind.StableKeyword => "stable",
        SyntaxKind.DecayKeyword => "decay",
        SyntaxKind.DropKeyword => "drop",
        SyntaxKind.ReplayKeyword => "replay",
        SyntaxKind.LawKeyword => "law",
        SyntaxKind.SweepKeyword => "sweep",
        SyntaxKind.MinimizeKeyword => "minimize",
        SyntaxKind.RequireKeyword => "require",
        SyntaxKind.OpenBraceToken => "{",
        SyntaxKind.CloseBraceToken => "}",
        SyntaxKind.OpenParenToken => "(",
        SyntaxKind.CloseParenToken => ")",
        SyntaxKind.EqualsToken => "=",
        SyntaxKind.PlusToken => "+",
        SyntaxKind.MinusToken => "-",
        SyntaxKind.StarToken => "*",
        SyntaxKind.PercentToken => "%",
        SyntaxKind.DotToken => ".",
        SyntaxKind.CommaToken => ",",
        SyntaxKind.LessOrEqualToken => "<=",
        SyntaxKind.OneSqrtToken => "1-sqrt",
        _ => null,
    };

    public static bool IsKeyword(SyntaxKind kind) => kind >= SyntaxKind.RunKeyword && kind <= SyntaxKind.RequireKeyword;
}
