using System.Collections.Immutable;

namespace CptLang.Syntax;

/// <summary>
/// <c>law NAME { parameters }</c>, <c>law NAME = paper.fig3.general [{ overrides }]</c> or
/// <c>law NAME = 0.867 * fineweb + 0.152 * kp</c>; a block may name its form,
/// <c>law NAME mpl { … }</c> (docs/language.md §7.2).
/// </summary>
public sealed class LawDeclarationSyntax(
    SyntaxToken lawKeyword, SyntaxToken name, SyntaxToken? equalsToken,
    LawExpressionSyntax? expression, LawBodySyntax? body, SyntaxToken? form = null) : MemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.LawDeclaration;
    public SyntaxToken LawKeyword { get; } = lawKeyword;
    public SyntaxToken Name { get; } = name;
    /// <summary>The form keyword of a block (<c>mpl</c>, <c>eq1</c>, …), if written.</summary>
    public SyntaxToken? Form { get; } = form;
    public SyntaxToken? EqualsToken { get; } = equalsToken;
    public LawExpressionSyntax? Expression { get; } = expression;
    public LawBodySyntax? Body { get; } = body;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(LawKeyword, Name, Form, EqualsToken, Expression, Body);
}

public sealed class LawBodySyntax(SyntaxToken openBrace, ImmutableArray<ParameterSyntax> parameters, SyntaxToken closeBrace,
    ImmutableArray<UncertaintyPartSyntax> uncertainty = default) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.LawBody;
    public SyntaxToken OpenBrace { get; } = openBrace;
    public ImmutableArray<ParameterSyntax> Parameters { get; } = parameters;
    /// <summary>The parts after the parameters (<c>uncertainty { … }</c>); the binder allows one.</summary>
    public ImmutableArray<UncertaintyPartSyntax> Uncertainty { get; } = uncertainty.IsDefault ? [] : uncertainty;
    public SyntaxToken CloseBrace { get; } = closeBrace;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(OpenBrace, Parameters, Uncertainty, CloseBrace);
}

/// <summary><c>uncertainty { ENTRY … }</c>: the fitted parameters' joint uncertainty
/// (docs/language.md §7.8). The name is a word; the binder checks it.</summary>
public sealed class UncertaintyPartSyntax(SyntaxToken name, SyntaxToken openBrace, ImmutableArray<UncertaintyEntrySyntax> entries, SyntaxToken closeBrace) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.UncertaintyPart;
    public SyntaxToken Name { get; } = name;
    public SyntaxToken OpenBrace { get; } = openBrace;
    public ImmutableArray<UncertaintyEntrySyntax> Entries { get; } = entries;
    public SyntaxToken CloseBrace { get; } = closeBrace;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Name, OpenBrace, Entries, CloseBrace);
}

/// <summary><c>KEY [PARAMETER …] = VALUE</c>: <c>noise = 0.0012</c>, <c>sd A = 0.02</c>,
/// <c>corr L0 A = -0.93</c>.</summary>
public sealed class UncertaintyEntrySyntax(SyntaxToken key, ImmutableArray<SyntaxToken> subjects, SyntaxToken equalsToken, ValueSyntax value) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.UncertaintyEntry;
    public SyntaxToken Key { get; } = key;
    public ImmutableArray<SyntaxToken> Subjects { get; } = subjects;
    public SyntaxToken EqualsToken { get; } = equalsToken;
    public ValueSyntax Value { get; } = value;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Key, Subjects, EqualsToken, Value);
}

/// <summary><c>NAME = VALUE</c></summary>
public sealed class ParameterSyntax(SyntaxToken name, SyntaxToken equalsToken, ValueSyntax value) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Parameter;
    public SyntaxToken Name { get; } = name;
    public SyntaxToken EqualsToken { get; } = equalsToken;
    public ValueSyntax Value { get; } = value;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Name, EqualsToken, Value);
}

/// <summary>Terms joined by <c>+</c>/<c>-</c>; <see cref="Signs"/>[i] precedes <see cref="Terms"/>[i + 1].</summary>
public sealed class LawExpressionSyntax(ImmutableArray<LawTermSyntax> terms, ImmutableArray<SyntaxToken> signs) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.LawExpression;
    public ImmutableArray<LawTermSyntax> Terms { get; } = terms;
    public ImmutableArray<SyntaxToken> Signs { get; } = signs;

    public override IEnumerable<SyntaxElement> GetChildren()
    {
        for (int i = 0; i < Terms.Length; i++)
        {
            if (i > 0) yield return Signs[i - 1];
            yield return Terms[i];
        }
    }
}

/// <summary><c>[WEIGHT *] NAME</c></summary>
public sealed class LawTermSyntax(ValueSyntax? weight, SyntaxToken? star, QualifiedNameSyntax name) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.LawTerm;
    public ValueSyntax? Weight { get; } = weight;
    public SyntaxToken? Star { get; } = star;
    public QualifiedNameSyntax Name { get; } = name;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Weight, Star, Name);
}

/// <summary><c>fineweb</c> or <c>paper.fig3.general</c>; <see cref="Dots"/>[i] follows <see cref="Parts"/>[i].</summary>
public sealed class QualifiedNameSyntax(ImmutableArray<SyntaxToken> parts, ImmutableArray<SyntaxToken> dots) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.QualifiedName;
    public ImmutableArray<SyntaxToken> Parts { get; } = parts;
    public ImmutableArray<SyntaxToken> Dots { get; } = dots;
    public string Text => string.Join(".", Parts.Select(p => p.Text));

    public override IEnumerable<SyntaxElement> GetChildren()
    {
        for (int i = 0; i < Parts.Length; i++)
        {
            if (i > 0) yield return Dots[i - 1];
            yield return Parts[i];
        }
    }
}
