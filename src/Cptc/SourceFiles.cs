using System.Runtime.CompilerServices;
using CptLang.Diagnostics;
using CptLang.Text;

namespace Cptc;

/// <summary>Reading sources (bounded, so a device such as /dev/zero cannot exhaust memory; <c>-</c>
/// is stdin) and remembering their bytes, so a rewrite can tell whether the file changed since.
/// Writing goes through <see cref="Outputs"/>.</summary>
internal static class SourceFiles
{
    /// <summary>Bytes read of a .cpt file at most: the compiler refuses larger ones anyway (CPT0001).</summary>
    public const long MaxSourceBytes = 64L << 20;

    /// <summary>Bytes read of a training log at most; 8 million rows of <c>step,loss</c> take about 200 MB.</summary>
    public const long MaxLogBytes = 512L << 20;

    /// <summary>The path that means stdin (as an input) or stdout (as an output).</summary>
    public const string Standard = "-";

    static readonly ConditionalWeakTable<SourceText, byte[]> originals = [];

    /// <summary>A .cpt file as UTF-8 (a BOM is remembered, an invalid byte reported by the
    /// compiler as CPT0008).</summary>
    public static SourceText Read(Terminal terminal, string path)
    {
        byte[] bytes = ReadBytes(terminal, path, MaxSourceBytes, ".cpt files are small text files");
        var text = SourceText.FromUtf8(bytes, path);
        originals.AddOrUpdate(text, bytes);
        return text;
    }

    /// <summary>A training log (<c>cptc fit --data</c>), or the diagnostic why it cannot be read.</summary>
    public static (SourceText? Text, Diagnostic? Error) ReadLog(Terminal terminal, string path)
    {
        try { return (SourceText.FromUtf8(ReadBytes(terminal, path, MaxLogBytes, "thin the log (keep every N-th row) first"), path), null); }
        catch (CliException e) when (e.Diagnostic is { } diagnostic) { return (null, diagnostic); }
    }

    /// <summary>At most <paramref name="max"/> bytes of a file, a device, a pipe or stdin: the
    /// length a device reports (0) is not trusted, the reading stops one byte past the limit.</summary>
    static byte[] ReadBytes(Terminal terminal, string path, long max, string hint)
    {
        if (path.Length == 0) throw Unreadable(path, "the file name is empty");
        try
        {
            if (path == Standard) return ReadBounded(terminal.OpenInput(), path, max, hint);
            var status = UnixFiles.Stat(path);
            if (status.Kind == UnixFiles.Kind.Directory) throw Unreadable(path, "it is a directory");
            if (status.Kind == UnixFiles.Kind.Missing) throw Unreadable(path, "no such file");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            return ReadBounded(stream, path, max, hint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Unreadable(path, Messages.Plain(e));
        }
    }

    static byte[] ReadBounded(Stream stream, string path, long max, string hint)
    {
        // a regular file says its length: one buffer of that size, no growing copies
        if (stream.CanSeek && stream.Length is > 0 and var length && length <= max)
        {
            var exact = new byte[length];
            stream.ReadExactly(exact);
            if (stream.ReadByte() < 0) return exact;
            stream.Position = 0;
        }
        using var memory = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > max) throw Unreadable(path, $"it holds more than {max >> 20} MB; {hint}");
        }
        return memory.ToArray();
    }

    /// <summary>The bytes <paramref name="text"/> was read from, when it was read by <see cref="Read"/>.</summary>
    public static byte[]? OriginalBytes(SourceText text) => originals.TryGetValue(text, out var bytes) ? bytes : null;

    static CliException Unreadable(string path, string reason) =>
        CliException.From(DiagnosticBuilder.At(default).CannotReadFile(path == Standard ? "stdin" : path, reason));
}
