using System.Collections.Immutable;

namespace CptLang.Text;

/// <summary>
/// The text of one .cpt file and its line structure. Positions are UTF-16 offsets; lines end at
/// "\r\n", "\r" or "\n", matching the lexer.
/// </summary>
public sealed class SourceText
{
    readonly ImmutableArray<int> _lineStarts;

    SourceText(string text, string path)
    {
        Text = text;
        Path = path;
        _lineStarts = ComputeLineStarts(text);
    }

    public static SourceText From(string text, string path = "") => new(text, path);

    public string Text { get; }

    /// <summary>The file name diagnostics print; empty for in-memory text.</summary>
    public string Path { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    public char this[int index] => Text[index];

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public override string ToString() => Text;

    /// <summary>0-based index of the line holding <paramref name="position"/>.</summary>
    public int GetLineIndex(int position)
    {
        int index = _lineStarts.BinarySearch(Math.Clamp(position, 0, Text.Length));
        return index >= 0 ? index : ~index - 1;
    }

    public int GetLineStart(int lineIndex) => _lineStarts[lineIndex];

    /// <summary>The line's text without its line break.</summary>
    public string GetLineText(int lineIndex)
    {
        int start = _lineStarts[lineIndex];
        int end = lineIndex + 1 < _lineStarts.Length ? _lineStarts[lineIndex + 1] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return Text[start..end];
    }

    public LinePosition GetLinePosition(int position)
    {
        int line = GetLineIndex(position);
        return new LinePosition(line + 1, Math.Clamp(position, 0, Text.Length) - _lineStarts[line] + 1);
    }

    static ImmutableArray<int> ComputeLineStarts(string text)
    {
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (c is '\r' or '\n') starts.Add(i + 1);
        }
        return starts.ToImmutable();
    }
}
