using System.Text;
using CptLang.Diagnostics;
using CptLang.Text;

namespace Cptc;

/// <summary>Reading sources and writing outputs. Outputs are written to a temporary file next to
/// the target and moved into place, so a failure never leaves a half-written file.</summary>
internal static class SourceFiles
{
    /// <summary>Reads a .cpt file as UTF-8 (a BOM is dropped; invalid bytes become U+FFFD and are
    /// then reported by the compiler).</summary>
    public static SourceText Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path)) throw CliException.From(DiagnosticBuilder.At(default).CannotReadFile(path, "it is a directory"));
            if (!info.Exists) throw CliException.From(DiagnosticBuilder.At(default).CannotReadFile(path, "no such file"));
            // refuse absurd sizes before reading: the compiler refuses them anyway (CPT0001)
            if (info.Length > 64L << 20) throw CliException.From(DiagnosticBuilder.At(default).CannotReadFile(path, $"the file is {info.Length / (1 << 20)} MB; .cpt files are small text files"));
            var bytes = File.ReadAllBytes(path);
            var text = new UTF8Encoding(false, false).GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            return SourceText.From(text, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.From(DiagnosticBuilder.At(default).CannotReadFile(path, e.Message));
        }
    }

    public static void WriteAtomically(string path, string content) =>
        WriteAtomically(path, new UTF8Encoding(false).GetBytes(content));

    public static void WriteAtomically(string path, byte[] content)
    {
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw CliException.From(DiagnosticBuilder.At(default).CannotWriteFile(path, e.Message));
        }
        string directory = Path.GetDirectoryName(full) ?? ".";
        if (Directory.Exists(full)) throw CliException.From(DiagnosticBuilder.At(default).CannotWriteFile(path, "it is a directory"));
        if (!Directory.Exists(directory)) throw CliException.From(DiagnosticBuilder.At(default).CannotWriteFile(path, $"the directory '{directory}' does not exist"));
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw CliException.From(DiagnosticBuilder.At(default).CannotWriteFile(path, e.Message));
        }
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
