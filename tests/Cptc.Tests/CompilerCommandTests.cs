using System.Text.Json;

namespace Cptc.Tests;

/// <summary>check, build and fmt as a user runs them: exit codes, stdout, stderr, files.</summary>
public class CompilerCommandTests
{
    const string Valid = "run r {\n  peak_lr 2e-4\n  train web {\n    stable 1k steps\n  }\n}\n";
    const string Broken = "run broken {\n  peak_lr 3e-4\n  train web {\n    warmup 2k steps\n    decay 5k steps to 0 exponential\n  }\n}\n";

    [Fact]
    public void CheckReportsTheCanonicalLineAndExitsOne()
    {
        using var dir = new TempDirectory();
        string path = dir.File("broken.cpt", Broken);
        var result = CliRunner.Run("check", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal($"{path}(5,23): error CPT2001: an exponential decay needs an end LR above 0; use a small value such as 1% or another shape\n",
            result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void CheckOfAValidFileIsSilent()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("check", dir.File("ok.cpt", Valid));
        Assert.Equal((0, "", ""), (result.ExitCode, result.Out, result.Error));
    }

    [Fact]
    public void WarningsDoNotFail()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("check", dir.File("w.cpt", "run r { peak_lr 1e-4 tokens_per_step 3M train a { stable 1B tokens } }"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning CPT2024", result.Error);
    }

    [Fact]
    public void CheckJsonIsMachineReadable()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("check", "--format", "json", dir.File("broken.cpt", Broken));
        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var d = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("CPT2001", 5, 23, "error"), (d.GetProperty("code").GetString(), d.GetProperty("line").GetInt32(),
            d.GetProperty("column").GetInt32(), d.GetProperty("severity").GetString()));
        Assert.Equal(1, doc.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void MissingFilesAndBadOptionsExitTwoWithOneLine()
    {
        var missing = CliRunner.Run("check", "/no/such/file.cpt");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("cptc: error CPT4001: cannot read '/no/such/file.cpt': no such file\n", missing.Error.ReplaceLineEndings("\n"));

        var bad = CliRunner.Run("check", "--frobnicate", "x.cpt");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--frobnicate", bad.Error);
        Assert.DoesNotContain("   at ", bad.Error);

        Assert.Equal(2, CliRunner.Run().ExitCode);
        Assert.Equal(2, CliRunner.Run("frobnicate").ExitCode);
    }

    [Fact]
    public void BinaryAndHugeFilesAreInputErrors()
    {
        using var dir = new TempDirectory();
        string binary = System.IO.Path.Combine(dir.Path, "bin.cpt");
        File.WriteAllBytes(binary, [0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0xff, 0xfe]);
        var result = CliRunner.Run("check", binary);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CPT0002", result.Error);

        var huge = CliRunner.Run("check", dir.File("huge.cpt", new string('{', 10 << 20)));
        Assert.Equal(1, huge.ExitCode);
        Assert.Contains("CPT0001", huge.Error);
    }

    [Fact]
    public void BuildPrintsThePlanAndWritesItAtomically()
    {
        using var dir = new TempDirectory();
        string source = dir.File("ok.cpt", Valid);
        var printed = CliRunner.Run("build", source);
        Assert.Equal(0, printed.ExitCode);
        using (var doc = JsonDocument.Parse(printed.Out))
            Assert.Equal("cptc.plan/1", doc.RootElement.GetProperty("format").GetString());

        string output = System.IO.Path.Combine(dir.Path, "plan.json");
        var written = CliRunner.Run("build", source, "-o", output);
        Assert.Equal((0, ""), (written.ExitCode, written.Out));
        Assert.Equal(printed.Out, File.ReadAllText(output));
        Assert.Equal(["ok.cpt", "plan.json"], dir.Files());
    }

    [Fact]
    public void BuildOfABrokenFileWritesNothing()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("build", dir.File("broken.cpt", Broken), "-o", System.IO.Path.Combine(dir.Path, "plan.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["broken.cpt"], dir.Files());
    }

    [Fact]
    public void BuildToAnUnwritablePathExitsTwoAndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        string source = dir.File("ok.cpt", Valid);
        var result = CliRunner.Run("build", source, "-o", System.IO.Path.Combine(dir.Path, "missing-dir", "plan.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cptc: error CPT4002: cannot write", result.Error);
        var intoDirectory = CliRunner.Run("build", source, "-o", dir.Path);
        Assert.Equal(2, intoDirectory.ExitCode);
        Assert.Equal(["ok.cpt"], dir.Files());
    }

    [Fact]
    public void FmtRewritesInPlaceAndCheckReportsWithoutWriting()
    {
        using var dir = new TempDirectory();
        string messy = "run r{peak_lr 2e-4\ntrain web{stable 1k steps}}\n";
        string path = dir.File("messy.cpt", messy);

        var check = CliRunner.Run("fmt", "--check", path);
        Assert.Equal((1, path + "\n"), (check.ExitCode, check.Out.ReplaceLineEndings("\n")));
        Assert.Equal(messy, File.ReadAllText(path));

        var fmt = CliRunner.Run("fmt", path);
        Assert.Equal(0, fmt.ExitCode);
        Assert.Equal(Valid, File.ReadAllText(path));

        var again = CliRunner.Run("fmt", "--check", path);
        Assert.Equal((0, ""), (again.ExitCode, again.Out));
    }

    [Fact]
    public void FmtRefusesFilesWithSyntaxErrors()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.cpt", "run r { peak_lr 2e-4");
        var result = CliRunner.Run("fmt", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CPT0004: unexpected end of file", result.Error);
        Assert.Equal("run r { peak_lr 2e-4", File.ReadAllText(path));
    }
}
