using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cptc.Tests.Export;

/// <summary>`cptc export` to the per-step tables, and every way the command can be misused.</summary>
public class ExportCommandTests
{
    const string Paper = ExportTargetsTests.Paper;

    [Fact]
    public void CsvHasEveryStepItsDomainAndReplayAtFullPrecision()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, Paper, "--target", "csv");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("step,lr,domain,replay", lines[0]);
        Assert.Equal(50_001, lines.Length);
        var plan = ExportAssert.Plan(Paper);
        for (int step = 1; step <= 50_000; step++)
        {
            var fields = lines[step].Split(',');
            Assert.Equal(step.ToString(CultureInfo.InvariantCulture), fields[0]);
            // the exact double, not a rounded one
            Assert.Equal(BitConverter.DoubleToInt64Bits(plan.LearningRate(step)), BitConverter.DoubleToInt64Bits(double.Parse(fields[1], CultureInfo.InvariantCulture)));
            Assert.Equal(step <= 40_000 ? "fineweb" : "kp", fields[2]);
            Assert.Equal(step <= 40_000 ? "0" : "0.25", fields[3]);
        }
    }

    [Fact]
    public void JsonHasTheSameColumnsAsArrays()
    {
        using var dir = new TempDirectory();
        var json = JsonDocument.Parse(ExportAssert.Export(dir, Paper, "--target", "json").Out).RootElement;
        Assert.Equal("cptc.lr/1", json.GetProperty("format").GetString());
        Assert.Equal(40_000, json.GetProperty("switchStep").GetInt64());
        var steps = json.GetProperty("step").EnumerateArray().Select(s => s.GetInt64()).ToList();
        var lr = json.GetProperty("lr").EnumerateArray().Select(s => s.GetDouble()).ToList();
        var domains = json.GetProperty("domain").EnumerateArray().Select(s => s.GetString()).ToList();
        var replay = json.GetProperty("replay").EnumerateArray().Select(s => s.GetDouble()).ToList();
        Assert.Equal(Enumerable.Range(1, 50_000).Select(i => (long)i), steps);
        var plan = ExportAssert.Plan(Paper);
        Assert.Equal(steps.Select(plan.LearningRate), lr);
        Assert.Equal("kp", domains[40_000]);
        Assert.Equal(0.25, replay[49_999]);
    }

    [Fact]
    public void NpyIsAValidVersionOneFileOfLittleEndianDoubles()
    {
        using var dir = new TempDirectory();
        string path = System.IO.Path.Combine(dir.Path, "lr.npy");
        Assert.Equal(0, ExportAssert.Export(dir, Paper, "--target", "npy", "-o", path).ExitCode);
        var bytes = File.ReadAllBytes(path);

        // NEP 1 / numpy.lib.format: magic, version 1.0, uint16 LE header length, dict, '\n', data aligned to 64
        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], bytes[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        int dataStart = 10 + headerLength;
        Assert.Equal(0, dataStart % 64);
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.EndsWith("\n", header);
        var dict = Regex.Match(header.TrimEnd(' ', '\n'), @"^\{'descr': '(<f8)', 'fortran_order': (False), 'shape': \((\d+),\), \}$");
        Assert.True(dict.Success, header);
        long count = long.Parse(dict.Groups[3].Value, CultureInfo.InvariantCulture);
        Assert.Equal(50_000, count);
        Assert.Equal(dataStart + 8 * count, bytes.Length);

        var plan = ExportAssert.Plan(Paper);
        for (int i = 0; i < count; i++)
            Assert.Equal(plan.LearningRate(i + 1), BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(dataStart + 8 * i)));
    }

    [Fact]
    public void OutputFileIsWrittenAndStdoutStaysEmpty()
    {
        using var dir = new TempDirectory();
        string path = System.IO.Path.Combine(dir.Path, "lr.csv");
        var result = ExportAssert.Export(dir, Paper, "--target", "csv", "-o", path);
        Assert.Equal((0, "", ""), (result.ExitCode, result.Out, result.Error));
        Assert.StartsWith("step,lr,domain,replay\n1,0.0002,fineweb,0\n", File.ReadAllText(path));
    }

    [Fact]
    public void UnknownTargetIsOneLineAndExitTwo()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, Paper, "--target", "megatorn");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("cptc: error CPT4204: unknown export target 'megatorn'; did you mean 'megatron'? targets: csv, json, npy, hf, megatron, torchtitan\n",
            result.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void MissingTargetIsAUsageError()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, Paper);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--target", result.Error);
    }

    [Fact]
    public void UnknownRunIsCpt4003AndExitTwo()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, Paper, "--target", "csv", "--run", "fineweb_to_k");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cptc: error CPT4003: there is no run 'fineweb_to_k'", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void UnwritableOutputLeavesNothingBehind()
    {
        using var dir = new TempDirectory();
        string path = System.IO.Path.Combine(dir.Path, "missing", "lr.csv");
        var result = ExportAssert.Export(dir, Paper, "--target", "csv", "-o", path);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cptc: error CPT4002: cannot write", result.Error);
        Assert.DoesNotContain(dir.Files(), f => !f.EndsWith(".cpt", StringComparison.Ordinal));
    }

    [Fact]
    public void NpyNeedsAnOutputPath()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, Paper, "--target", "npy");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("cptc: error CPT4002: cannot write 'stdout': the npy target is a binary file; give it a path with -o\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void UnknownStageListsTheStages()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, Paper, "--target", "megatron", "--stage", "kpp");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("cptc: error CPT4205: run 'fineweb_to_kp' has no stage on 'kpp'; did you mean 'kp'? stages: fineweb, kp\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void FrameworkOptionsOnATableTargetAreUsageErrors()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, Paper, "--target", "csv", "--stage", "kp");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("cptc: error CPT4207: --stage applies to the framework targets (hf, megatron, torchtitan); the csv table is always exact and covers the whole run\n",
            result.Error.ReplaceLineEndings("\n"));
        var approximate = ExportAssert.Export(dir, Paper, "--target", "npy", "--allow-approximate", "-o", System.IO.Path.Combine(dir.Path, "x.npy"));
        Assert.Equal(2, approximate.ExitCode);
        Assert.StartsWith("cptc: error CPT4207: --allow-approximate applies to the framework targets", approximate.Error);
        Assert.False(File.Exists(System.IO.Path.Combine(dir.Path, "x.npy")));
    }

    [Fact]
    public void AContinualStageAfterAnUnknownPretrainingStartsFromTheCheckpoint()
    {
        using var dir = new TempDirectory();
        const string open = "run r { peak_lr 3e-4 pretrained web switch to code { warmup 100 steps to 1e-4 decay 900 steps to 0 cosine } }";
        var result = ExportAssert.Export(dir, open, "--target", "megatron");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("# cptc export: run r, stage code: steps 1..1000 (from the pre-trained checkpoint, with the scheduler's step count at 0); exact", result.Out);
        ExportAssert.Reproduces(ExportAssert.Plan(open), "megatron", result.Out);
    }

    [Fact]
    public void AFileWithErrorsExportsNothing()
    {
        using var dir = new TempDirectory();
        string path = System.IO.Path.Combine(dir.Path, "lr.csv");
        var result = ExportAssert.Export(dir, "run r { peak_lr 3e-4 train web { decay 5k steps to 0 exponential } }", "--target", "csv", "-o", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CPT2001", result.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void RunsTooLongToCheckAreRefused()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, "run r { peak_lr 3e-4 train web { stable 2B steps } }", "--target", "megatron");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("cptc: error CPT4206: the run has 2,000,000,000 steps; cptc checks a framework export on every step and does so for runs of up to 1,000,000,000; shorten the run, or export a shorter run with the same phases and scale its lengths\n",
            result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void RunsTooLongForATableAreRefused()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, "run r { peak_lr 3e-4 train web { stable 20M steps } }", "--target", "csv");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cptc: error CPT4005: this would print 20,000,000 rows", result.Error);
    }
}
