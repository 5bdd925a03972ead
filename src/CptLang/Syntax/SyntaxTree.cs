using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Syntax.Parsing;
using CptLang.Text;

namespace CptLang.Syntax;

/// <summary>A parsed .cpt file: its text, its typed syntax tree and the syntax diagnostics.</summary>
public sealed class SyntaxTree
{
    internal SyntaxTree(SourceText text, CompilationUnitSyntax root, ImmutableArray<Diagnostic> diagnostics)
    {
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    public SourceText Text { get; }
    public CompilationUnitSyntax Root { get; }
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public static SyntaxTree Parse(SourceText text) => SyntaxParser.Parse(text);

    public static SyntaxTree Parse(string text) => Parse(SourceText.From(text));
}
