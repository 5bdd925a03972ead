using System.Diagnostics;

namespace CptLang.LanguageServer.Tests;

/// <summary>
/// Runs a tool of the editor integration (npm scripts of editors/vscode, Neovim). Locally such a
/// test is skipped, with the reason, when the tool is not installed; under CI (CI=true, where
/// .ci/run installs them) it always runs, so a missing tool fails instead of passing silently.
/// </summary>
internal static class ExternalTools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool ExtensionInstalled => Directory.Exists(Path.Combine(Repository.Extension, "node_modules", "vscode-tmgrammar-test"));

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public static (int ExitCode, string Output) Run(string file, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(" ", arguments)} did not finish within {timeout.TotalSeconds} s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>Runs when editors/vscode has its npm packages (`npm ci` there), and always under CI.</summary>
public sealed class ExtensionFactAttribute : FactAttribute
{
    public ExtensionFactAttribute()
    {
        if (!ExternalTools.ExtensionInstalled && !ExternalTools.InCi)
            Skip = "editors/vscode has no node_modules: run `npm ci` there (CI does)";
    }
}

/// <summary>Runs when nvim is on the PATH, and always under CI.</summary>
public sealed class NeovimFactAttribute : FactAttribute
{
    public NeovimFactAttribute()
    {
        if (ExternalTools.Find("nvim") is null && !ExternalTools.InCi)
            Skip = "nvim is not installed (apt-get install neovim; CI installs it)";
    }
}
