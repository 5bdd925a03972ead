using System.Collections.Immutable;

namespace CptLang.Syntax;

/// <summary><c>run NAME { properties and stages }</c></summary>
public sealed class RunDeclarationSyntax(
    SyntaxToken runKeyword, SyntaxToken name, SyntaxToken openBrace,
    ImmutableArray<RunItemSyntax> items, SyntaxToken closeBrace) : MemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.RunDeclaration;
    public SyntaxToken RunKeyword { get; } = runKeyword;
    public SyntaxToken Name { get; } = name;
    public SyntaxToken OpenBrace { get; } = openBrace;
    public ImmutableArray<RunItemSyntax> Items { get; } = items;
    public SyntaxToken CloseBrace { get; } = closeBrace;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(RunKeyword, Name, OpenBrace, Items, CloseBrace);
}

/// <summary><c>NAME VALUE</c>: a run property (<c>peak_lr 2e-4</c>) or a setting
/// (<c>lambda 0.999</c>), at file level or inside a run.</summary>
public sealed class PropertySyntax(SyntaxToken name, ValueSyntax value) : RunItemSyntax
{
    public override SyntaxKind Kind => SyntaxKind.Property;
    public SyntaxToken Name { get; } = name;
    public ValueSyntax Value { get; } = value;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Name, Value);
}
