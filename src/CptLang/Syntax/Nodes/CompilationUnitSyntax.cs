using System.Collections.Immutable;

namespace CptLang.Syntax;

/// <summary>A whole .cpt file: settings, runs and laws in any order.</summary>
public sealed class CompilationUnitSyntax(ImmutableArray<MemberSyntax> members, SyntaxToken endOfFile) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.CompilationUnit;
    public ImmutableArray<MemberSyntax> Members { get; } = members;
    public SyntaxToken EndOfFile { get; } = endOfFile;
    public override IEnumerable<SyntaxElement> GetChildren() => Children(Members, EndOfFile);
}

/// <summary>A top-level item: a run, a law, or a file-wide setting.</summary>
public abstract class MemberSyntax : SyntaxNode;

/// <summary>An item inside a run: a property or a stage. Properties may also stand at file level.</summary>
public abstract class RunItemSyntax : MemberSyntax;
