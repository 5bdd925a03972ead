using CptLang.LanguageServer.Analysis;
using CptLang.LanguageServer.Documents;
using CptLang.Syntax;
using CptLang.Text;

namespace CptLang.LanguageServer.Handlers;

/// <summary>Semantic tokens: what the TextMate grammar cannot know — which names are runs, laws
/// or domains, which words are shapes or law parameters. Comments are included (split per line,
/// for clients without multi-line token support).</summary>
internal static class SemanticTokensHandler
{
    public static readonly string[] TokenTypes =
        ["keyword", "comment", "number", "operator", "function", "variable", "namespace", "property", "parameter", "enumMember", "type"];

    enum T { Keyword, Comment, Number, Operator, Function, Variable, Namespace, Property, Parameter, EnumMember, Type }

    public static int[] Encode(Document document)
    {
        var text = document.Text;
        var classes = document.Symbols.Classes;
        var spans = new List<(TextSpan Span, T Type)>();
        foreach (var token in document.Compilation.SyntaxTree.Root.DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia) if (trivia.IsComment) spans.Add((trivia.Span, T.Comment));
            if (!token.IsMissing && token.Text.Length > 0 && Classify(token, classes) is { } type) spans.Add((token.Span, type));
            foreach (var trivia in token.TrailingTrivia) if (trivia.IsComment) spans.Add((trivia.Span, T.Comment));
        }
        var data = new List<int>(spans.Count * 5);
        int lastLine = 0, lastChar = 0;
        foreach (var (span, type) in spans)
        {
            // one entry per line of the span
            for (int start = span.Start; start < span.End;)
            {
                int line = text.GetLineIndex(start);
                int lineEnd = line + 1 < text.LineCount ? text.GetLineStart(line) + text.GetLineText(line).Length : text.Length;
                int end = Math.Min(span.End, lineEnd);
                int character = start - text.GetLineStart(line);
                if (end > start)
                {
                    data.AddRange([line - lastLine, line == lastLine ? character - lastChar : character, end - start, (int)type, 0]);
                    (lastLine, lastChar) = (line, character);
                }
                if (line + 1 >= text.LineCount) break;
                start = Math.Max(end, text.GetLineStart(line + 1));
            }
        }
        return [.. data];
    }

    static T? Classify(SyntaxToken token, IReadOnlyDictionary<SyntaxToken, TokenClass> classes)
    {
        if (classes.TryGetValue(token, out var kind))
            return kind switch
            {
                TokenClass.Run => T.Function,
                TokenClass.Law => T.Variable,
                TokenClass.Domain => T.Namespace,
                TokenClass.Property => T.Property,
                TokenClass.Parameter => T.Parameter,
                TokenClass.Shape or TokenClass.Word => T.EnumMember,
                TokenClass.Preset => T.Type,
                TokenClass.Unit => T.Keyword,
                _ => null,
            };
        if (SyntaxFacts.IsKeyword(token.Kind)) return T.Keyword;
        return token.Kind switch
        {
            SyntaxKind.NumberToken => T.Number,
            SyntaxKind.OneSqrtToken => T.EnumMember,
            SyntaxKind.EqualsToken or SyntaxKind.PlusToken or SyntaxKind.MinusToken or SyntaxKind.StarToken
                or SyntaxKind.LessOrEqualToken or SyntaxKind.PercentToken => T.Operator,
            _ => null,
        };
    }
}
