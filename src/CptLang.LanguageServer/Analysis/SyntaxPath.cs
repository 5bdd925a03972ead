using CptLang.Syntax;

namespace CptLang.LanguageServer.Analysis;

/// <summary>Finding things in the syntax tree by offset (nodes have no parent links).</summary>
internal static class SyntaxPath
{
    /// <summary>The nodes from the root down to the innermost one whose span holds
    /// <paramref name="offset"/> (a cursor at a node's end counts).</summary>
    public static List<SyntaxNode> At(SyntaxNode root, int offset)
    {
        var path = new List<SyntaxNode> { root };
        for (var node = root; ;)
        {
            SyntaxNode? next = null;
            foreach (var child in node.GetChildren())
            {
                if (child is not SyntaxNode childNode || childNode.IsMissing) continue;
                var span = childNode.Span;
                if (span.Start <= offset && offset <= span.End) { next = childNode; if (offset < span.End) break; }
            }
            if (next is null) return path;
            path.Add(next);
            node = next;
        }
    }

    /// <summary>The present token whose span holds <paramref name="offset"/>, or ends at it.</summary>
    public static SyntaxToken? TokenAt(SyntaxNode root, int offset)
    {
        SyntaxToken? touching = null;
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsMissing || token.Kind == SyntaxKind.EndOfFileToken) continue;
            if (token.Span.Start > offset) break;
            if (offset < token.Span.End) return token;
            if (offset == token.Span.End) touching = token;
        }
        return touching;
    }
}
