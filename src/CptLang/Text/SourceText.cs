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

    /// <summary>The text of a file's bytes as UTF-8: a byte order mark is not part of the text but
    /// remembered (<see cref="HasByteOrderMark"/>, so a rewrite keeps it); an invalid byte becomes
    /// U+FFFD and the first one is remembered (<see cref="InvalidUtf8"/>, reported as CPT0008).</summary>
    public static SourceText FromUtf8(ReadOnlySpan<byte> bytes, string path = "")
    {
        bool bom = bytes.StartsWith(Preamble);
        var body = bom ? bytes[Preamble.Length..] : bytes;
        var text = new SourceText(Utf8.GetString(body), path) { HasByteOrderMark = bom };
        if (text.Text.Contains('\uFFFD') && FirstInvalidByte(body) is { } at)
            text.InvalidUtf8 = new InvalidByte(body[at], at + (bom ? Preamble.Length : 0), Utf8.GetCharCount(body[..at]));
        return text;
    }

    static readonly System.Text.UTF8Encoding Utf8 = new(false, false);
    static ReadOnlySpan<byte> Preamble => [0xEF, 0xBB, 0xBF];

    static int? FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        int at = 0;
        while (at < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) return at;
            at += consumed;
        }
        return null;
    }

    /// <summary>The file began with a UTF-8 byte order mark (not part of <see cref="Text"/>).</summary>
    public bool HasByteOrderMark { get; private init; }

    /// <summary>The first byte that is not UTF-8: its value, its offset in the file, and the
    /// position of the U+FFFD that stands for it in <see cref="Text"/>; null for valid UTF-8.</summary>
    public InvalidByte? InvalidUtf8 { get; private set; }

    /// <summary>The bytes of <paramref name="text"/> as this file would hold them: UTF-8, with
    /// the byte order mark when the file had one.</summary>
    public byte[] Encode(string text)
    {
        var bytes = Utf8.GetBytes(text);
        return HasByteOrderMark ? [.. Preamble, .. bytes] : bytes;
    }

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

/// <summary>A byte that is not UTF-8: its value, its offset in the file, its position in the text.</summary>
public readonly record struct InvalidByte(byte Value, long Offset, int Position);
