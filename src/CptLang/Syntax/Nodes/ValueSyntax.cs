namespace CptLang.Syntax;

/// <summary>A value as written: a number or a word. The binder decides what it means where it
/// stands (an LR, a step, a ratio, a setting).</summary>
public abstract class ValueSyntax : SyntaxNode;

/// <summary><c>2e-4</c>, <c>-0.666</c>, <c>36k</c>, <c>10%</c></summary>
public sealed class NumberValueSyntax(SyntaxToken? minus, SyntaxToken number, SyntaxToken? percent) : ValueSyntax
{
    public override SyntaxKind Kind => SyntaxKind.NumberValue;
    public SyntaxToken? Minus { get; } = minus;
    public SyntaxToken Number { get; } = number;
    public SyntaxToken? Percent { get; } = percent;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Minus, Number, Percent);
}

/// <summary>A word where a value stands: <c>peak</c>, <c>step</c>, or a mistake like <c>nan</c>.</summary>
public sealed class WordValueSyntax(SyntaxToken word) : ValueSyntax
{
    public override SyntaxKind Kind => SyntaxKind.WordValue;
    public SyntaxToken Word { get; } = word;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Word);
}
