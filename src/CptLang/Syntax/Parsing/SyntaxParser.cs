using System.Collections.Immutable;
using Antlr4.Runtime;
using CptLang.Diagnostics;
using CptLang.Syntax.Generated;
using CptLang.Text;

namespace CptLang.Syntax.Parsing;

/// <summary>
/// Text → typed syntax tree. Runs the ANTLR lexer and parser with cptc's error strategy and maps
/// the parse tree once into <see cref="SyntaxNode"/>s. Never throws on any input.
/// </summary>
internal static class SyntaxParser
{
    /// <summary>Files above this size are refused unread: no .cpt file is this large, and it bounds
    /// the memory any input can take.</summary>
    public const int MaxFileLength = 1 << 20;

    public static SyntaxTree Parse(SourceText text)
    {
        var diagnostics = new List<Diagnostic>();
        if (Unparseable(text) is { } refusal)
        {
            diagnostics.Add(refusal);
            var eof = new SyntaxToken(SyntaxKind.EndOfFileToken, text.Length, "",
                text.Length == 0 ? [] : [new SyntaxTrivia(SyntaxKind.SkippedTokenTrivia, 0, text.Text)], []);
            return new SyntaxTree(text, new CompilationUnitSyntax([], eof), [.. diagnostics]);
        }

        if (text.InvalidUtf8 is { } invalid)
            diagnostics.Add(DiagnosticBuilder.At(new TextSpan(invalid.Position, 1)).InvalidUtf8(invalid.Value, invalid.Offset));
        var lexer = new CptLexer(new AntlrInputStream(text.Text));
        lexer.RemoveErrorListeners();
        var stream = new CommonTokenStream(lexer);
        stream.Fill();
        ReportLexicalProblems(text, stream.GetTokens(), diagnostics);

        var parser = new CptParser(stream) { ErrorHandler = new SyntaxErrorStrategy(text, diagnostics) };
        parser.RemoveErrorListeners();
        var parseTree = parser.compilationUnit();

        var root = new TreeBuilder(new TokenCursor(text, stream.GetTokens())).CompilationUnit(parseTree);
        var ordered = diagnostics.OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal);
        return new SyntaxTree(text, root, [.. ordered]);
    }

    /// <summary>True when the lexer reads all of <paramref name="text"/> as one IDENTIFIER token.</summary>
    public static bool IsIdentifier(string text)
    {
        var lexer = new CptLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        var token = lexer.NextToken();
        return token.Type == CptLexer.IDENTIFIER && token.Text == text;
    }

    static Diagnostic? Unparseable(SourceText text)
    {
        if (text.Length > MaxFileLength)
            return DiagnosticBuilder.At(new TextSpan(0, 0)).FileTooLarge(text.Length, MaxFileLength);
        int nul = text.Text.IndexOf('\0');
        return nul >= 0 ? DiagnosticBuilder.At(new TextSpan(nul, 1)).BinaryFile() : null;
    }

    /// <summary>Invalid characters (one diagnostic per run of them) and unterminated comments. Invalid
    /// characters then move to the hidden channel: the parser never sees them, the tree keeps them
    /// as skipped trivia.</summary>
    static void ReportLexicalProblems(SourceText text, IList<IToken> tokens, List<Diagnostic> diagnostics)
    {
        int reported = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type == CptLexer.BLOCK_COMMENT && !(token.StopIndex - token.StartIndex >= 3 && text.Text.AsSpan(token.StopIndex - 1, 2).SequenceEqual("*/")))
                diagnostics.Add(DiagnosticBuilder.At(new TextSpan(token.StartIndex, 2)).UnterminatedComment());
            if (token.Type != CptLexer.BAD_CHARACTER) continue;
            int start = token.StartIndex, end = token.StopIndex + 1;
            for (; i < tokens.Count && tokens[i].Type == CptLexer.BAD_CHARACTER; i++)
            {
                ((CommonToken)tokens[i]).Channel = TokenConstants.HiddenChannel;
                end = tokens[i].StopIndex + 1;
            }
            i--;
            var span = TextSpan.FromBounds(start, end);
            if (++reported <= SyntaxErrorStrategy.MaxErrors)
                diagnostics.Add(DiagnosticBuilder.At(span).InvalidCharacter(text.ToString(span)));
            else if (reported == SyntaxErrorStrategy.MaxErrors + 1)
                diagnostics.Add(DiagnosticBuilder.At(span).TooManyInvalidCharacters(SyntaxErrorStrategy.MaxErrors));
        }
    }
}
