using Xunit;

namespace CptLang.Testing;

/// <summary>
/// Compares an output with its reviewed baseline file. With CPTC_ACCEPT_BASELINES=1 the actual
/// output is written instead (review the diff in git before committing). A missing baseline
/// fails unless accepting, so CI never passes on an unreviewed output. Shared by the test
/// projects (linked into each).
/// </summary>
internal static class BaselineFile
{
    public const string AcceptVariable = "CPTC_ACCEPT_BASELINES";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Checks <paramref name="actual"/> against the file; null means "must not exist".</summary>
    public static void Check(string path, string? actual)
    {
        string name = Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path);
        if (Accepting)
        {
            if (actual is null) File.Delete(path);
            else File.WriteAllText(path, actual);
            return;
        }
        bool exists = File.Exists(path);
        if (actual is null)
        {
            Assert.False(exists, $"{name} is stale: this case no longer produces it. Run with {AcceptVariable}=1 to remove it.");
            return;
        }
        Assert.True(exists, $"{name} is missing. Run the tests with {AcceptVariable}=1 to create it, then review it.");
        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual.ReplaceLineEndings("\n")) return;
        Assert.Fail($"{name} differs from the actual output (run with {AcceptVariable}=1 to accept, then review the git diff):\n{FirstDifference(expected, actual)}");
    }

    static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end of file>";
            string al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) return $"line {i + 1}:\n  expected: {el}\n  actual:   {al}";
        }
        return "(line endings differ)";
    }
}
