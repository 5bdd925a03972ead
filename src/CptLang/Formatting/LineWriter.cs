using System.Text;
using CptLang.Syntax;
using CptLang.Text;

namespace CptLang.Formatting;

/// <summary>
/// Writes formatted lines: indentation, tokens with canonical spacing, and comments. Own-line
/// comments are re-indented; a comment at the end of a line keeps the column it had in the
/// source when the code leaves room for it (so hand-aligned comments stay aligned), otherwise
/// it follows the code after one space. At most one blank line survives between items, none
/// after an opening or before a closing brace.
/// </summary>
internal sealed class LineWriter(SourceText source)
{
    const string IndentUnit = "  ";
    readonly StringBuilder _output = new();
    readonly StringBuilder _line = new();
    bool _atBlockStart = true;

    public int Indent { get; set; }

    public override string ToString() => _output.ToString();

    /// <summary>Comments and blank lines before an item, from its first token's leading trivia.</summary>
    public void Leading(SyntaxToken first, bool beforeCloseBrace = false)
    {
        int newlines = 0;
        bool afterComment = false;
        foreach (var trivia in first.LeadingTrivia)
        {
            if (trivia.Kind == SyntaxKind.EndOfLineTrivia) { newlines++; continue; }
            if (!trivia.IsComment) continue;
            if (newlines >= (afterComment ? 2 : 1)) BlankLine();
            _line.Append(Pad()).Append(trivia.Text);
            Flush();
            afterComment = true;
            newlines = 0;
        }
        if (!beforeCloseBrace && newlines >= (afterComment ? 2 : 1)) BlankLine();
    }

    /// <summary>Writes <paramref name="tokens"/> as one line (comments inside may break it) and
    /// ends the line with the last token's trailing comment.</summary>
    public void Line(IReadOnlyList<SyntaxToken> tokens, ISet<SyntaxToken>? glued = null)
    {
        StartLine();
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i > 0)
            {
                InnerTrivia(tokens[i - 1].TrailingTrivia);
                InnerTrivia(token.LeadingTrivia);
                if (_line.Length > 0 && !char.IsWhiteSpace(_line[^1]) && Spaced(tokens[i - 1], token, glued)) _line.Append(' ');
            }
            _line.Append(token.Text);
        }
        EndLine(tokens[^1]);
    }

    /// <summary>Appends text to the current line (used for aligned parameter tables).</summary>
    public void Append(string text)
    {
        if (_line.Length == 0) _line.Append(Pad());
        _line.Append(text);
    }

    public int LineLength => _line.Length;

    public void PadTo(int column)
    {
        if (_line.Length == 0) _line.Append(Pad());
        while (_line.Length < column) _line.Append(' ');
    }

    /// <summary>Ends the current line with the trailing comments of <paramref name="last"/>.</summary>
    public void EndLine(SyntaxToken last)
    {
        foreach (var trivia in last.TrailingTrivia.Where(t => t.IsComment))
        {
            int column = source.GetLinePosition(trivia.Position).Column - 1;
            if (_line.Length + 1 <= column) while (_line.Length < column) _line.Append(' ');
            else _line.Append(' ');
            _line.Append(trivia.Text);
        }
        Flush();
        _atBlockStart = false;
    }

    public void OpenBlock() { Indent++; _atBlockStart = true; }

    public void CloseBlock() { Indent--; }

    void StartLine()
    {
        if (_line.Length == 0) _line.Append(Pad());
    }

    void InnerTrivia(IEnumerable<SyntaxTrivia> trivia)
    {
        foreach (var t in trivia.Where(t => t.IsComment))
        {
            if (t.Kind == SyntaxKind.BlockCommentTrivia && !t.Text.Contains('\n'))
            {
                _line.Append(' ').Append(t.Text);
                continue;
            }
            // a line comment (or a multi-line block comment) ends the line; the item continues below
            if (_line.Length > 0 && !string.IsNullOrWhiteSpace(_line.ToString())) _line.Append(' ');
            _line.Append(t.Text);
            Flush();
            _line.Append(Pad()).Append(IndentUnit);
        }
    }

    static bool Spaced(SyntaxToken previous, SyntaxToken token, ISet<SyntaxToken>? glued)
    {
        if (token.Kind is SyntaxKind.PercentToken or SyntaxKind.CommaToken or SyntaxKind.CloseParenToken or SyntaxKind.DotToken or SyntaxKind.OpenParenToken)
            return false;
        if (previous.Kind is SyntaxKind.OpenParenToken or SyntaxKind.DotToken) return false;
        return !(glued?.Contains(previous) ?? false);
    }

    void BlankLine()
    {
        if (_atBlockStart || _output.Length == 0) return;
        if (_output.Length >= 2 && _output[^1] == '\n' && _output[^2] == '\n') return;
        _output.Append('\n');
    }

    void Flush()
    {
        _output.Append(_line.ToString().TrimEnd()).Append('\n');
        _line.Clear();
        _atBlockStart = false;
    }

    string Pad() => string.Concat(Enumerable.Repeat(IndentUnit, Indent));
}
