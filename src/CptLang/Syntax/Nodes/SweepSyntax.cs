using System.Collections.Immutable;

namespace CptLang.Syntax;

/// <summary><c>sweep RUN { axes, objective, requirements }</c>: the candidate runs
/// <c>cptc optimize</c> compares, each reshaped from run <see cref="Run"/>.</summary>
public sealed class SweepDeclarationSyntax(
    SyntaxToken sweepKeyword, SyntaxToken run, SyntaxToken openBrace,
    ImmutableArray<SweepItemSyntax> items, SyntaxToken closeBrace) : MemberSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SweepDeclaration;
    public SyntaxToken SweepKeyword { get; } = sweepKeyword;
    public SyntaxToken Run { get; } = run;
    public SyntaxToken OpenBrace { get; } = openBrace;
    public ImmutableArray<SweepItemSyntax> Items { get; } = items;
    public SyntaxToken CloseBrace { get; } = closeBrace;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(SweepKeyword, Run, OpenBrace, Items, CloseBrace);
}

/// <summary>A line of a sweep: an axis, the objective or a requirement.</summary>
public abstract class SweepItemSyntax : SyntaxNode;

/// <summary><c>cpt_peak_lr 1e-5 to 1e-4 step 1e-5</c>, <c>decay_shape linear, cosine</c> or
/// <c>replay fineweb 0% to 50% step 10%</c> (then <see cref="ReplayKeyword"/> is set and
/// <see cref="Name"/> is the replayed domain).</summary>
public sealed class SweepAxisSyntax(SyntaxToken? replayKeyword, SyntaxToken name, SweepValuesSyntax values) : SweepItemSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SweepAxis;
    public SyntaxToken? ReplayKeyword { get; } = replayKeyword;
    public SyntaxToken Name { get; } = name;
    public SweepValuesSyntax Values { get; } = values;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(ReplayKeyword, Name, Values);
}

/// <summary>The values of an axis.</summary>
public abstract class SweepValuesSyntax : SyntaxNode;

/// <summary><c>LOW to HIGH step STEP</c>: evenly spaced values, a continuous axis.</summary>
public sealed class SweepRangeSyntax(ValueSyntax low, SyntaxToken toKeyword, ValueSyntax high, SyntaxToken stepWord, ValueSyntax step) : SweepValuesSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SweepRange;
    public ValueSyntax Low { get; } = low;
    public SyntaxToken ToKeyword { get; } = toKeyword;
    public ValueSyntax High { get; } = high;
    public SyntaxToken StepWord { get; } = stepWord;
    public ValueSyntax Step { get; } = step;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Low, ToKeyword, High, StepWord, Step);
}

/// <summary><c>A, B, C</c>: numbers (<see cref="NumberValueSyntax"/>) or shapes
/// (<see cref="ShapeSyntax"/>); <see cref="Commas"/>[i] follows <see cref="Items"/>[i].</summary>
public sealed class SweepListSyntax(ImmutableArray<SyntaxNode> items, ImmutableArray<SyntaxToken> commas) : SweepValuesSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SweepList;
    public ImmutableArray<SyntaxNode> Items { get; } = items;
    public ImmutableArray<SyntaxToken> Commas { get; } = commas;

    public override IEnumerable<SyntaxElement> GetChildren()
    {
        for (int i = 0; i < Items.Length; i++)
        {
            if (i > 0) yield return Commas[i - 1];
            yield return Items[i];
        }
    }
}

/// <summary><c>minimize 0.3 * fineweb + 0.7 * kp</c></summary>
public sealed class ObjectiveSyntax(SyntaxToken minimizeKeyword, LawExpressionSyntax expression) : SweepItemSyntax
{
    public override SyntaxKind Kind => SyntaxKind.Objective;
    public SyntaxToken MinimizeKeyword { get; } = minimizeKeyword;
    public LawExpressionSyntax Expression { get; } = expression;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(MinimizeKeyword, Expression);
}

/// <summary><c>require SUBJECT [MEASURE] &lt;= BOUND</c>: <c>require fineweb &lt;= 3.3</c> (at the end),
/// <c>require fineweb peak &lt;= 3.4</c>, <c>require turning_length &lt;= 5k</c>,
/// <c>require cpt_tokens &lt;= 100B</c>.</summary>
public sealed class RequirementSyntax(SyntaxToken requireKeyword, SyntaxToken subject, SyntaxToken? measure, SyntaxToken lessOrEqual, ValueSyntax bound) : SweepItemSyntax
{
    public override SyntaxKind Kind => SyntaxKind.Requirement;
    public SyntaxToken RequireKeyword { get; } = requireKeyword;
    public SyntaxToken Subject { get; } = subject;
    public SyntaxToken? Measure { get; } = measure;
    public SyntaxToken LessOrEqual { get; } = lessOrEqual;
    public ValueSyntax Bound { get; } = bound;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(RequireKeyword, Subject, Measure, LessOrEqual, Bound);
}
