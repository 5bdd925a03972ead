using CptLang.Diagnostics;
using CptLang.Text;

namespace Cptc;

/// <summary>
/// The outputs of one command, written together once everything is computed (docs/cli.md,
/// "Writing files"). Every path is checked when it is added; <see cref="Commit"/> first writes
/// each regular file's new content to a temporary file next to it, then stdout, then devices and
/// pipes (in place: replacing /dev/null with a file would break every other process), and last
/// moves the temporary files over their targets. A failure before the moves leaves every target
/// as it was. A symbolic link is followed (its target is replaced, the link stays); a replaced
/// file keeps its mode and, where cptc may set it, its owner; a read-only file is refused.
/// </summary>
internal sealed class Outputs(Terminal terminal)
{
    readonly List<Pending> pending = [];

    sealed record Pending(string Display, Target? Target, byte[]? Content, string? Text, byte[]? Original)
    {
        public string? Temporary { get; set; }
    }

    /// <summary>Where a path leads: the file to replace or write into.</summary>
    sealed record Target(string FullPath, UnixFiles.Status Status, UnixFileMode? Mode);

    /// <summary>Checks output paths before any work is done, so a typo fails fast.</summary>
    public static void Check(params (string? Path, bool Binary)[] outputs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, binary) in outputs)
        {
            if (path is null) continue;
            if (path == SourceFiles.Standard)
            {
                if (binary) throw Unwritable("stdout", "this output is a binary file; give it a path");
                continue;
            }
            var target = Resolve(path);
            if (!seen.Add(target.FullPath)) throw Unwritable(path, "the same file is given for two outputs");
        }
    }

    /// <summary>Text for <paramref name="path"/>, or for stdout when it is null or <c>-</c>.</summary>
    public void Text(string? path, string text)
    {
        if (path is null or SourceFiles.Standard) pending.Add(new Pending("stdout", null, null, text, null));
        else Add(path, System.Text.Encoding.UTF8.GetBytes(text), null);
    }

    /// <summary>A binary file (PNG, npy): never stdout.</summary>
    public void Bytes(string path, byte[] content)
    {
        if (path == SourceFiles.Standard) throw Unwritable("stdout", "this output is a binary file; give it a path");
        Add(path, content, null);
    }

    /// <summary>New text for a file cptc read (fmt, fit --write): written in the file's encoding
    /// (a BOM stays), and only if the file still holds what was read.</summary>
    public void Rewrite(string path, SourceText original, string text)
    {
        if (path == SourceFiles.Standard) { pending.Add(new Pending("stdout", null, null, text, null)); return; }
        Add(path, original.Encode(text), SourceFiles.OriginalBytes(original));
    }

    void Add(string path, byte[] content, byte[]? original)
    {
        var target = Resolve(path);
        if (pending.Any(p => p.Target?.FullPath == target.FullPath)) throw Unwritable(path, "the same file is given for two outputs");
        pending.Add(new Pending(path, target, content, null, original));
    }

    public void Commit()
    {
        try
        {
            foreach (var p in pending.Where(p => p.Target is { Status.Kind: not UnixFiles.Kind.Other })) Stage(p);
            foreach (var p in pending.Where(p => p.Original is not null))
                if (!Unchanged(p.Target!.FullPath, p.Original!)) throw CliException.From(DiagnosticBuilder.At(default).FileChanged(p.Display));
            foreach (var p in pending.Where(p => p.Target is null)) terminal.Out.Write(p.Text);
            foreach (var p in pending.Where(p => p.Target is { Status.Kind: UnixFiles.Kind.Other })) WriteInPlace(p);
            foreach (var p in pending.Where(p => p.Temporary is not null)) Replace(p);
        }
        finally
        {
            foreach (var p in pending) if (p.Temporary is { } temporary) TryDelete(temporary);
        }
    }

    /// <summary>The new content in a temporary file next to the target, with the target's mode
    /// (a private file is never readable by others, not even for a moment).</summary>
    static void Stage(Pending p)
    {
        var target = p.Target!;
        string directory = Path.GetDirectoryName(target.FullPath)!;
        // short and fixed-length, so a target with a 255-byte name still has a valid temporary name
        string temporary = Path.Combine(directory, $".cptc-{Environment.ProcessId}-{Random.Shared.Next():x8}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows() && target.Mode is { } mode) options.UnixCreateMode = mode & (UnixFileMode)0x1FF;
            p.Temporary = temporary;
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(p.Content);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(p.Display, Messages.Plain(e));
        }
    }

    /// <summary>A device, a pipe or a socket: opened and written, never replaced.</summary>
    static void WriteInPlace(Pending p)
    {
        try
        {
            using var stream = new FileStream(p.Target!.FullPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            stream.Write(p.Content);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(p.Display, Messages.Plain(e));
        }
    }

    static void Replace(Pending p)
    {
        var target = p.Target!;
        try
        {
            if (target.Status.Kind == UnixFiles.Kind.Regular)
            {
                UnixFiles.TryChown(p.Temporary!, target.Status);
                if (!OperatingSystem.IsWindows() && target.Mode is { } mode) File.SetUnixFileMode(p.Temporary!, mode);
            }
            File.Move(p.Temporary!, target.FullPath, overwrite: true);
            p.Temporary = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(p.Display, Messages.Plain(e));
        }
    }

    static bool Unchanged(string path, byte[] original)
    {
        try { return File.ReadAllBytes(path).AsSpan().SequenceEqual(original); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    static Target Resolve(string path)
    {
        if (path.Length == 0) throw Unwritable(path, "the file name is empty");
        try
        {
            string full = Path.GetFullPath(path);
            // a link stays a link: what it points to is what gets written
            if (new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } final)
                full = final.FullName;
            var status = UnixFiles.Stat(full);
            switch (status.Kind)
            {
                case UnixFiles.Kind.Directory:
                    throw Unwritable(path, "it is a directory");
                case UnixFiles.Kind.Missing:
                    string directory = Path.GetDirectoryName(full) ?? ".";
                    if (!Directory.Exists(directory)) throw Unwritable(path, $"the directory '{directory}' does not exist");
                    if (Path.GetFileName(full).Length > 255) throw Unwritable(path, "the file name is longer than 255 characters");
                    return new Target(full, status, null);
                case UnixFiles.Kind.Regular:
                    UnixFileMode? mode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(full);
                    bool readOnly = mode is { } m ? (m & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0
                        : File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly);
                    if (readOnly) throw CliException.From(DiagnosticBuilder.At(default).ReadOnlyFile(path));
                    return new Target(full, status, mode);
                default:
                    return new Target(full, status, null);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Unwritable(path, Messages.Plain(e));
        }
    }

    static CliException Unwritable(string path, string reason) =>
        CliException.From(DiagnosticBuilder.At(default).CannotWriteFile(path, reason));

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
