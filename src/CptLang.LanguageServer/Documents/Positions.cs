using CptLang.LanguageServer.Protocol;
using CptLang.Text;
using Range = CptLang.LanguageServer.Protocol.Range;

namespace CptLang.LanguageServer.Documents;

/// <summary>Offsets ↔ LSP positions. <see cref="SourceText"/> offsets are UTF-16 and its line
/// breaks (\r\n, \r, \n) are LSP's, so a character is an offset minus its line's start.</summary>
internal static class Positions
{
    public static Position ToPosition(this SourceText text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        int line = text.GetLineIndex(offset);
        return new Position(line, offset - text.GetLineStart(line));
    }

    public static Range ToRange(this SourceText text, TextSpan span) =>
        new(text.ToPosition(span.Start), text.ToPosition(span.End));

    /// <summary>The offset of a position; past the end of a line (or the text) it is clamped to
    /// the line's end, as LSP asks.</summary>
    public static int ToOffset(this SourceText text, Position position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= text.LineCount) return text.Length;
        int start = text.GetLineStart(position.Line);
        int end = start + text.GetLineText(position.Line).Length;
        return Math.Clamp(start + Math.Max(0, position.Character), start, end);
    }

    public static TextSpan ToSpan(this SourceText text, Range range)
    {
        int start = text.ToOffset(range.Start), end = text.ToOffset(range.End);
        return TextSpan.FromBounds(Math.Min(start, end), Math.Max(start, end));
    }
}
