namespace CptLang.Syntax;

/// <summary>A learning-rate phase of a stage.</summary>
public abstract class PhaseSyntax : StageItemSyntax
{
    public abstract SyntaxToken Keyword { get; }
}

/// <summary><c>warmup LENGTH [from LR] [to LR] [SHAPE]</c></summary>
public sealed class WarmupPhaseSyntax(SyntaxToken keyword, LengthSyntax? length, LrClauseSyntax? from, LrClauseSyntax? to, ShapeSyntax? shape) : PhaseSyntax
{
    public override SyntaxKind Kind => SyntaxKind.WarmupPhase;
    public override SyntaxToken Keyword { get; } = keyword;
    public LengthSyntax? Length { get; } = length;
    public LrClauseSyntax? From { get; } = from;
    public LrClauseSyntax? To { get; } = to;
    public ShapeSyntax? Shape { get; } = shape;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Keyword, Length, From, To, Shape);
}

/// <summary><c>stable LENGTH [at LR]</c>. A shape after it is parsed only to be reported.</summary>
public sealed class StablePhaseSyntax(SyntaxToken keyword, LengthSyntax? length, LrClauseSyntax? at, ShapeSyntax? shape) : PhaseSyntax
{
    public override SyntaxKind Kind => SyntaxKind.StablePhase;
    public override SyntaxToken Keyword { get; } = keyword;
    public LengthSyntax? Length { get; } = length;
    public LrClauseSyntax? At { get; } = at;
    public ShapeSyntax? Shape { get; } = shape;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Keyword, Length, At, Shape);
}

/// <summary><c>decay LENGTH [from LR] to LR [SHAPE]</c></summary>
public sealed class DecayPhaseSyntax(SyntaxToken keyword, LengthSyntax? length, LrClauseSyntax? from, LrClauseSyntax? to, ShapeSyntax? shape) : PhaseSyntax
{
    public override SyntaxKind Kind => SyntaxKind.DecayPhase;
    public override SyntaxToken Keyword { get; } = keyword;
    public LengthSyntax? Length { get; } = length;
    public LrClauseSyntax? From { get; } = from;
    public LrClauseSyntax? To { get; } = to;
    public ShapeSyntax? Shape { get; } = shape;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Keyword, Length, From, To, Shape);
}

/// <summary><c>drop to LR</c>: an instant change of LR before the next phase.</summary>
public sealed class DropPhaseSyntax(SyntaxToken keyword, LrClauseSyntax to) : PhaseSyntax
{
    public override SyntaxKind Kind => SyntaxKind.DropPhase;
    public override SyntaxToken Keyword { get; } = keyword;
    public LrClauseSyntax To { get; } = to;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Keyword, To);
}

/// <summary>How long a phase lasts.</summary>
public abstract class LengthSyntax : SyntaxNode;

/// <summary><c>36k steps</c>, <c>40B tokens</c></summary>
public sealed class CountLengthSyntax(ValueSyntax amount, SyntaxToken? unit) : LengthSyntax
{
    public override SyntaxKind Kind => SyntaxKind.CountLength;
    public ValueSyntax Amount { get; } = amount;
    public SyntaxToken? Unit { get; } = unit;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Amount, Unit);
}

/// <summary><c>until 90k</c>: up to and including an absolute step.</summary>
public sealed class UntilLengthSyntax(SyntaxToken untilKeyword, ValueSyntax step) : LengthSyntax
{
    public override SyntaxKind Kind => SyntaxKind.UntilLength;
    public SyntaxToken UntilKeyword { get; } = untilKeyword;
    public ValueSyntax Step { get; } = step;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(UntilKeyword, Step);
}

/// <summary><c>from LR</c>, <c>to LR</c> or <c>at LR</c>.</summary>
public sealed class LrClauseSyntax(SyntaxKind kind, SyntaxToken keyword, ValueSyntax value) : SyntaxNode
{
    public override SyntaxKind Kind { get; } = kind;
    public SyntaxToken Keyword { get; } = keyword;
    public ValueSyntax Value { get; } = value;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Keyword, Value);
}

/// <summary><c>cosine</c>, <c>1-sqrt</c>, <c>polynomial(2)</c></summary>
public sealed class ShapeSyntax(SyntaxToken name, SyntaxToken? openParen, ValueSyntax? argument, SyntaxToken? closeParen) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Shape;
    public SyntaxToken Name { get; } = name;
    public SyntaxToken? OpenParen { get; } = openParen;
    public ValueSyntax? Argument { get; } = argument;
    public SyntaxToken? CloseParen { get; } = closeParen;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Name, OpenParen, Argument, CloseParen);
}
