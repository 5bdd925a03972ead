using CptLang.Binding;
using CptLang.Laws.Schedules;
using CptLang.Syntax.Parsing;

namespace CptLang.Syntax;

/// <summary>The language's spelling of tokens, names and shapes, for everything that writes or checks source.</summary>
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

    /// <summary>True exactly when the lexer reads <paramref name="text"/> as one identifier that is not
    /// a keyword: a letter or _, then letters, digits and _, with inner hyphens (<c>knowledge-pile</c>);
    /// docs/language.md §1.</summary>
    public static bool IsValidName(string text) => SyntaxParser.IsIdentifier(text);

    /// <summary>The shape as source writes it after a warmup or decay. Both 1-sqrt kernels are
    /// <c>1-sqrt</c>: a warmup's is the rising mirror image of the decay's (docs/language.md §4).</summary>
    public static string ShapeName(Shape shape) => shape switch
    {
        Shape.Constant => "constant",
        Shape.Linear => Shapes.Linear,
        Shape.Cosine => Shapes.Cosine,
        Shape.OneMinusSqrt or Shape.SqrtOfOneMinus => Shapes.OneMinusSqrt,
        Shape.Square => Shapes.Square,
        Shape.Polynomial => Shapes.Polynomial,
        Shape.Exponential => Shapes.Exponential,
        Shape.InverseSqrt => Shapes.InverseSqrt,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    /// <summary>The shape with a polynomial's exponent, <c>polynomial(2)</c>; each caller spells the
    /// exponent as its output always has.</summary>
    public static string ShapeName(Shape shape, string exponent) =>
        shape == Shape.Polynomial ? $"{Shapes.Polynomial}({exponent})" : ShapeName(shape);

    /// <summary>The plan JSON's name, which tells the rising 1-sqrt apart: <c>1-sqrt-warmup</c>
    /// (docs/plan-format.md).</summary>
    public static string PlanShapeName(Shape shape) => shape == Shape.SqrtOfOneMinus ? "1-sqrt-warmup" : ShapeName(shape);
}
