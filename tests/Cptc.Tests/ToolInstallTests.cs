using System.Diagnostics;

namespace Cptc.Tests;

/// <summary>cptc as a .NET tool (README, Install): packed from this build and installed from the
/// local package into an empty tool path, then run as a process.</summary>
public class ToolInstallTests
{
    static (int Code, string Out, string Err) Run(string file, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(4)), $"{file} {arguments} did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void The_packed_tool_installs_into_a_clean_tool_path_and_predicts()
    {
        string temp = Directory.CreateTempSubdirectory("cptc-tool-").FullName;
        try
        {
            string packages = Path.Combine(temp, "nupkg"), tools = Path.Combine(temp, "tools");
            // the test's own configuration is built already: pack it without building again
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var pack = Run("dotnet", $"pack src/Cptc -c {configuration} --no-build -o \"{packages}\"", Repository.Root);
            Assert.True(pack.Code == 0, pack.Out + pack.Err);
            var install = Run("dotnet", $"tool install --tool-path \"{tools}\" --add-source \"{packages}\" cptc", temp);
            Assert.True(install.Code == 0, install.Out + install.Err);

            string cptc = Path.Combine(tools, OperatingSystem.IsWindows() ? "cptc.exe" : "cptc");
            var version = Run(cptc, "--version", temp);
            Assert.Equal(0, version.Code);
            Assert.StartsWith("1.0.0", version.Out);
            var predict = Run(cptc, $"predict \"{Path.Combine(Repository.Examples, "paper-fineweb-to-knowledge-pile.cpt")}\"", temp);
            Assert.True(predict.Code == 0, predict.Err);
            Assert.Contains("peaks at 3.25747 at step 48,096", predict.Out);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
