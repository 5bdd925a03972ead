using System.Runtime.CompilerServices;

namespace CptLang.LanguageServer.Tests;

/// <summary>Paths of the source tree, found from this file.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot(Here());

    public static string Baselines => Path.Combine(Root, "tests", "CptLang.Tests", "Baselines");
    public static string Examples => Path.Combine(Root, "examples");
    public static string Extension => Path.Combine(Root, "editors", "vscode");

    public static IEnumerable<string> BaselineFiles() =>
        Directory.EnumerateFiles(Baselines, "main.cpt", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static IEnumerable<string> ExampleFiles() => Directory.EnumerateFiles(Examples, "*.cpt").Order(StringComparer.Ordinal);

    /// <summary>The cptc of this build (a project reference copies it next to the tests).</summary>
    public static string CptcDll => Path.Combine(AppContext.BaseDirectory, "cptc.dll");

    static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CptLang.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no CptLang.sln above {start}");
    }

    public static string Uri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
