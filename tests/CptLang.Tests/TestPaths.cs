using System.Runtime.CompilerServices;

namespace CptLang.Tests;

/// <summary>Locates the repository from this source file, so baselines are read from and accepted
/// into the source tree, not the build output.</summary>
internal static class TestPaths
{
    public static string TestsDirectory { get; } = Here();

    public static string RepositoryRoot { get; } = FindRoot(TestsDirectory);

    public static string Baselines => Path.Combine(TestsDirectory, "Baselines");

    public static string Examples => Path.Combine(RepositoryRoot, "examples");

    public static string Docs => Path.Combine(RepositoryRoot, "docs");

    static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CptLang.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no CptLang.sln above {start}");
    }
}
