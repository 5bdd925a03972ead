using System.Collections.Immutable;

namespace CptLang.Syntax;

/// <summary>A stage of a run on one data domain.</summary>
public abstract class StageSyntax : RunItemSyntax
{
    public abstract SyntaxToken Domain { get; }
    public abstract StageBodySyntax? Body { get; }
}

/// <summary><c>train DOMAIN { … }</c>: pre-training with a known schedule.</summary>
public sealed class TrainStageSyntax(SyntaxToken trainKeyword, SyntaxToken domain, StageBodySyntax body) : StageSyntax
{
    public override SyntaxKind Kind => SyntaxKind.TrainStage;
    public SyntaxToken TrainKeyword { get; } = trainKeyword;
    public override SyntaxToken Domain { get; } = domain;
    public override StageBodySyntax Body { get; } = body;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(TrainKeyword, Domain, Body);
}

/// <summary><c>pretrained DOMAIN</c>: an open checkpoint whose pre-training schedule is unknown.</summary>
public sealed class PretrainedStageSyntax(SyntaxToken pretrainedKeyword, SyntaxToken domain) : StageSyntax
{
    public override SyntaxKind Kind => SyntaxKind.PretrainedStage;
    public SyntaxToken PretrainedKeyword { get; } = pretrainedKeyword;
    public override SyntaxToken Domain { get; } = domain;
    public override StageBodySyntax? Body => null;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(PretrainedKeyword, Domain);
}

/// <summary><c>switch to DOMAIN { … }</c>: the domain switch and the continual pre-training after it.</summary>
public sealed class SwitchStageSyntax(SyntaxToken switchKeyword, SyntaxToken toKeyword, SyntaxToken domain, StageBodySyntax body) : StageSyntax
{
    public override SyntaxKind Kind => SyntaxKind.SwitchStage;
    public SyntaxToken SwitchKeyword { get; } = switchKeyword;
    public SyntaxToken ToKeyword { get; } = toKeyword;
    public override SyntaxToken Domain { get; } = domain;
    public override StageBodySyntax Body { get; } = body;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(SwitchKeyword, ToKeyword, Domain, Body);
}

public sealed class StageBodySyntax(SyntaxToken openBrace, ImmutableArray<StageItemSyntax> items, SyntaxToken closeBrace) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.StageBody;
    public SyntaxToken OpenBrace { get; } = openBrace;
    public ImmutableArray<StageItemSyntax> Items { get; } = items;
    public SyntaxToken CloseBrace { get; } = closeBrace;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(OpenBrace, Items, CloseBrace);
}

/// <summary>An item of a stage body: a phase or a replay.</summary>
public abstract class StageItemSyntax : SyntaxNode;

/// <summary><c>replay DOMAIN RATIO</c></summary>
public sealed class ReplaySyntax(SyntaxToken replayKeyword, SyntaxToken domain, ValueSyntax ratio) : StageItemSyntax
{
    public override SyntaxKind Kind => SyntaxKind.Replay;
    public SyntaxToken ReplayKeyword { get; } = replayKeyword;
    public SyntaxToken Domain { get; } = domain;
    public ValueSyntax Ratio { get; } = ratio;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(ReplayKeyword, Domain, Ratio);
}
