using System.Runtime.CompilerServices;

namespace Cptc.Tests;

/// <summary>Paths in the source tree (baselines are accepted there, not in the build output).</summary>
internal static class Repository
{
    public static string TestsDirectory { get; } = Here();

    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestsDirectory, "..", ".."));

    public static string Examples => Path.Combine(Root, "examples");

    static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
