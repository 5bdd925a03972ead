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
    UncertaintyPart, UncertaintyEntry,
}
