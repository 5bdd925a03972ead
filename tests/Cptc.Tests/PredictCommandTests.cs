using System.Text.Json;

namespace Cptc.Tests;

/// <summary>`cptc predict` as a user meets it: choosing runs and steps, output files, plots, and
/// every way it can be misused.</summary>
public class PredictCommandTests
{
    const string Laws = """
        law fineweb = paper.fig3.general
        law kp = paper.fig3.domain
        """;

    const string OneRun = """
        run only {
          peak_lr 2e-4
          train fineweb { stable 36k steps decay 4k steps to 0 }
          switch to kp { warmup 1k steps to 2e-5 decay 9k steps to 0 cosine }
        }

        """ + Laws;

    const string TwoRuns = """
        run a { peak_lr 2e-4 train fineweb { stable 10k steps } switch to kp { stable 1k steps } }
        run b { peak_lr 2e-4 train fineweb { stable 20k steps } switch to kp { stable 1k steps } }

        """ + Laws;

    [Fact]
    public void CsvHasOneColumnPerLawAndFullPrecision()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("predict", dir.File("r.cpt", OneRun), "--format", "csv", "--at", "1,40k,50000");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("step,lr,fineweb,kp", lines[0]);
        Assert.Equal(["1", "40000", "50000"], lines.Skip(1).Select(l => l.Split(',')[0]));
        var values = lines[2].Split(',');
        Assert.Equal("0", values[1]);
        Assert.Equal(3.19069, double.Parse(values[2], System.Globalization.CultureInfo.InvariantCulture), 1e-5);
        Assert.True(values[2].Length > 12, "full double precision");
    }

    [Fact]
    public void DefaultSamplingCoversEveryBoundary()
    {
        using var dir = new TempDirectory();
        var json = JsonDocument.Parse(CliRunner.Run("predict", dir.File("r.cpt", OneRun), "--format", "json").Out).RootElement;
        var steps = json.GetProperty("steps").EnumerateArray().Select(s => s.GetInt64()).ToHashSet();
        Assert.InRange(steps.Count, 200, 220);
        Assert.Superset(new HashSet<long> { 1, 36_000, 36_001, 40_000, 40_001, 41_000, 41_001, 50_000 }, steps);
    }

    [Fact]
    public void SeveralRunsNeedRunAndTheErrorListsThem()
    {
        using var dir = new TempDirectory();
        string path = dir.File("two.cpt", TwoRuns);
        var missing = CliRunner.Run("predict", path);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("choose one with --run", missing.Error);
        Assert.Contains("a, b", missing.Error);

        var unknown = CliRunner.Run("predict", path, "--run", "c");
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("cptc: error CPT4003: there is no run 'c'", unknown.Error);

        var b = CliRunner.Run("predict", path, "--run", "b");
        Assert.Equal(0, b.ExitCode);
        Assert.Equal("", b.Error);
        // run b's own schedule (20k steps before the switch), not a's (10k)
        Assert.StartsWith("run b: 21,000 steps, 20,000 on fineweb then 1,000 on kp (the domain switches after step 20,000)\n", b.Out.ReplaceLineEndings("\n"));
        Assert.Contains("At the switch (step 20,000): fineweb 3.30302, kp 3.18518", b.Out);
        Assert.DoesNotContain("10,000", b.Out);
    }

    [Theory]
    [InlineData("--at", "60000", "CPT4004")]
    [InlineData("--at", "0", "CPT4004")]
    [InlineData("--at", "1.5", "CPT4004")]
    [InlineData("--at", "ten", "CPT4004")]
    [InlineData("--every", "0", "CPT4006")]
    [InlineData("--every", "1k5", "CPT4006")]
    public void BadStepsAreUsageErrors(string option, string value, string expected)
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("predict", dir.File("r.cpt", OneRun), option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void AtAndEveryCannotBeCombined()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("predict", dir.File("r.cpt", OneRun), "--at", "5", "--every", "10");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be combined", result.Error);
    }

    [Fact]
    public void AnUndefinedLawIsADiagnosticNamingTheLawAndTheStep()
    {
        using var dir = new TempDirectory();
        string path = dir.File("zero.cpt", """
            run zero_start {
              peak_lr 2e-4
              warmup_area actual
              train web { stable 10 steps at 0  warmup 1k steps }
            }
            law web { L0 = 3  A = 0.5  alpha = 0.5  C = 0.3 }
            """);
        string output = Path.Combine(dir.Path, "out.csv");
        var result = CliRunner.Run("predict", path, "--format", "csv", "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CPT3014: law 'web' is undefined at step 1", result.Error);
        Assert.DoesNotContain("NaN", result.Error + result.Out);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void OutputAndPlotAreWrittenAsFiles()
    {
        using var dir = new TempDirectory();
        string source = dir.File("r.cpt", OneRun);
        string output = Path.Combine(dir.Path, "curve.json");
        string plot = Path.Combine(dir.Path, "curve.png");
        var result = CliRunner.Run("predict", source, "--format", "json", "-o", output, "--plot", plot);
        Assert.Equal((0, ""), (result.ExitCode, result.Out));
        Assert.Equal("cptc.predict/1", JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("format").GetString());
        var png = File.ReadAllBytes(plot);
        Assert.True(png.Length > 10_000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(["curve.json", "curve.png", "r.cpt"], dir.Files());
    }

    [Fact]
    public void AnUnwritableOutputLeavesNothingBehind()
    {
        using var dir = new TempDirectory();
        string source = dir.File("r.cpt", OneRun);
        var result = CliRunner.Run("predict", source, "-o", Path.Combine(dir.Path, "no", "such", "dir.txt"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cptc: error CPT4002", result.Error);
        Assert.Equal(["r.cpt"], dir.Files());
    }

    [Fact]
    public void AFileWithErrorsPredictsNothing()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("predict", dir.File("bad.cpt", "run r { peak_lr 2e-4 train a { decay 1k steps to 0 exponential } }"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CPT2001", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void ARunWithoutLawsPrintsTheScheduleAndSaysWhy()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("predict", dir.File("nolaw.cpt", "run r { peak_lr 2e-4 train a { warmup 1k steps stable 9k steps } }"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No laws in this file", result.Out);
    }
}

/// <summary>One run's law problems do not block or flood the report of another run.</summary>
public class RunScopedDiagnosticsTests
{
    const string File = """
        run plain {
          peak_lr 2e-4
          train web { stable 36k steps  decay 4k steps to 0 }
          switch to code { warmup 1k steps to 2e-5  decay 9k steps to 0 }
        }
        run replayed {
          peak_lr 2e-4
          train web { stable 36k steps  decay 4k steps to 0 }
          switch to code { replay web 25%  warmup 1k steps to 2e-5  decay 9k steps to 0 }
        }
        run other {
          peak_lr 2e-4
          train web { stable 10k steps }
          switch to code { decay 5k steps to 0 }
        }
        law web { L0 = 3.057  A = 0.490  alpha = 0.497  C1 = 0.299  C2 = 0.298  B = 0.366  E = 28  beta = 0.189 }
        law code { L0 = 3.024  A = 0.412  alpha = 0.677  C = 0.3 }
        """;

    [Fact]
    public void A_run_predicts_although_another_run_cannot_be_predicted_and_the_rest_is_one_line()
    {
        using var dir = new TempDirectory();
        string path = dir.File("runs.cpt", File);
        var check = CliRunner.Run("check", path);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal(2, check.Error.Split('\n').Count(l => l.Contains("warning CPT3016")));
        Assert.Equal(3, check.Error.Split('\n').Count(l => l.Contains("warning CPT3011")));

        var plain = CliRunner.Run("predict", path, "--run", "plain");
        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Contains("end of web: switch", plain.Out);
        var lines = plain.Error.TrimEnd('\n').Split('\n');
        // the Eq. 1 law's warning about this run, then one line for the three about the others
        Assert.Equal(2, lines.Length);
        Assert.Contains("warning CPT3011: law 'code' is the annealing law (Eq. 1), which ignores the domain switch of run 'plain'", lines[0]);
        Assert.Equal($"cptc: 4 warnings about other runs of {path} not shown; `cptc check {path}` lists them", lines[1]);
    }

    [Fact]
    public void A_warning_inside_another_runs_block_is_counted_not_printed()
    {
        // CPT2021 (re-warmup above the pre-training peak) is about run 'hot' only
        const string text = """
            run calm {
              peak_lr 2e-3
              train web { warmup 20 steps  stable until 1000 }
              switch to code { warmup 10 steps to 1e-3  decay 490 steps to 0 cosine }
            }
            run hot {
              peak_lr 2e-3
              train web { warmup 20 steps  stable until 1000 }
              switch to code { warmup 10 steps to 3e-3  decay 490 steps to 0 cosine }
            }
            """;
        using var dir = new TempDirectory();
        string path = dir.File("runs.cpt", text);
        Assert.Contains("warning CPT2021", CliRunner.Run("check", path).Error);
        foreach (var command in new[] { new[] { "predict", path, "--run", "calm" }, ["export", path, "--run", "calm", "--target", "csv"] })
        {
            var calm = CliRunner.Run(command);
            Assert.True(calm.ExitCode == 0, calm.Error);
            Assert.Equal($"cptc: 1 warning about other runs of {path} not shown; `cptc check {path}` lists them", calm.Error.TrimEnd('\n'));
        }
        var hot = CliRunner.Run("predict", path, "--run", "hot");
        Assert.Contains("warning CPT2021", hot.Error);
        Assert.DoesNotContain("not shown", hot.Error);
    }

    [Fact]
    public void Predicting_the_run_a_law_cannot_predict_is_the_error()
    {
        using var dir = new TempDirectory();
        string path = dir.File("runs.cpt", File);
        var replayed = CliRunner.Run("predict", path, "--run", "replayed");
        Assert.Equal(1, replayed.ExitCode);
        Assert.Contains("error CPT3007: run 'replayed' replays 25% of its pre-training data, but law 'web' has no replay parameters", replayed.Error);
        Assert.DoesNotContain("CPT3016", replayed.Error);
        Assert.Equal("", replayed.Out);
    }
}
