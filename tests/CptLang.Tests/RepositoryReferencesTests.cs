namespace CptLang.Tests;

/// <summary>Every reference in the repository can be opened by a reader of the repository: the
/// design notes the project started from live outside it, so nothing may cite them.</summary>
public class RepositoryReferencesTests
{
    // spelled in pieces so that this file does not name them either
    static readonly string[] OutsideNotes = [.. new[] { "LAW", "LANGUAGE", "STYLE", "TOOLCHAIN" }.Select(n => n + ".md")];

    static readonly string[] SkippedFolders = [".git", "bin", "obj", "node_modules", ".vscode-test"];

    [Fact]
    public void No_file_cites_the_design_notes_outside_the_repository()
    {
        var offenders = new List<string>();
        foreach (var file in Files(new DirectoryInfo(TestPaths.RepositoryRoot)))
        {
            if (file.Length > 4 << 20 || file.Name.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) continue;
            string text = File.ReadAllText(file.FullName);
            offenders.AddRange(OutsideNotes.Where(n => text.Contains(n, StringComparison.Ordinal))
                .Select(n => $"{Path.GetRelativePath(TestPaths.RepositoryRoot, file.FullName)} names {n}"));
        }
        Assert.Empty(offenders);
    }

    static IEnumerable<FileInfo> Files(DirectoryInfo directory)
    {
        foreach (var file in directory.EnumerateFiles()) yield return file;
        foreach (var sub in directory.EnumerateDirectories().Where(d => !SkippedFolders.Contains(d.Name)))
            foreach (var file in Files(sub)) yield return file;
    }
}
