using System.Text.Json;

namespace Cptc.Tests.Export;

/// <summary>The schedules each framework target must export exactly, the ones it must refuse
/// (at the phase, with a hint), and the two-stage layout.</summary>
public class ExportTargetsTests
{
    /// <summary>CPT Fig. 3, with replay: the paper's main setting.</summary>
    internal const string Paper = """
        run fineweb_to_kp {
          peak_lr 2e-4
          train fineweb {
            stable 36k steps at 2e-4
            decay 4k steps to 0 linear
          }
          switch to kp {
            replay fineweb 25%
            warmup 1k steps from 0 to 2e-5
            decay 9k steps to 0 cosine
          }
        }
        """;

    static string Run(string phases) => $"run r {{\n  peak_lr 3e-4\n  train web {{\n{phases}\n  }}\n}}\n";

    public static TheoryData<string, string> Expressible() => new()
    {
        // HF: a warmup after one update at its start LR; the decay after at least one step at the peak
        { "hf", Run("stable 1 step at 0\nwarmup 2k steps\nstable 8k steps\ndecay 1k steps to 0 1-sqrt") },
        { "hf", Run("stable 1 step at 10%\nwarmup 300 steps from 10% cosine\nstable 50 steps\ndecay 400 steps to 10% cosine\nstable 20 steps") },
        { "hf", Run("stable 1 step at 5%\nwarmup 64 steps from 5% 1-sqrt\ndecay 99 steps to 5% linear") },
        { "hf", Run("stable 500 steps\ndecay 250 steps to 0 linear\nstable 30 steps") },
        { "hf", Run("stable 1 step at 0\nwarmup 100 steps\nstable 900 steps") },
        // Megatron: linear warmups from anywhere, every WSD style, exponential only to half its start
        { "megatron", Paper },
        { "megatron", Run("warmup 100 steps from 1e-5\ndecay 50 steps to 50% exponential\nstable 7 steps") },
        { "megatron", Run("stable 1 step at 0\nwarmup 200 steps\nstable 300 steps\ndecay 200 steps to 1% 1-sqrt") },
        { "megatron", Run("warmup 10 steps\nstable 90 steps") },
        { "megatron", Run("decay 80 steps to 10% cosine") },
        // torchtitan: warmup from 0, at least one step at the peak, then a decay of any of its types to the last step
        { "torchtitan", Run("warmup 100 steps\nstable 500 steps\ndecay 200 steps to 10% linear") },
        { "torchtitan", Run("warmup 10 steps\nstable 1 step\ndecay 90 steps to 5%") },
        { "torchtitan", Run("warmup 2k steps\nstable 8k steps\ndecay 1k steps to 0 1-sqrt") },
        { "torchtitan", Run("warmup 300 steps\nstable 1 step\ndecay 3k steps to 0 cosine") },
        { "torchtitan", Run("stable 1 step\ndecay 400 steps to 10% cosine") },
        { "torchtitan", Run("stable 100 steps") },
        { "torchtitan", Run("warmup 1 step\nstable 40 steps") },
    };

    [Theory]
    [MemberData(nameof(Expressible))]
    public void ExpressibleSchedulesExportExactly(string target, string source)
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, source, "--target", target);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        ExportAssert.Reproduces(ExportAssert.Plan(source), target, result.Out);
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        // (target, source, the line that must be printed, with the file name cut)
        { "hf", Run("stable 1 step\ndecay 5k steps to 1% exponential"),
          "(5,1): error CPT4201: target 'hf' cannot express this decay: HF's decay types are linear, cosine, 1-sqrt; it has no exponential decay; the closest is `1-sqrt`" },
        { "hf", Paper,
          "(9,5): error CPT4201: target 'hf' cannot express this warmup: HF's first update is already at the warmup's start LR, one step before cptc's warmup begins to rise; write `stable 1 step at 0` before it (that is exactly what HF runs), or use --target csv" },
        { "hf", Run("decay 5k steps to 0"),
          "(4,1): error CPT4201: target 'hf' cannot express this decay: HF's decay spends its first update at the full LR (progress 0), so it must follow at least one step at the peak; add `stable 1 step` before it, or use --target csv" },
        { "torchtitan", Run("stable 8k steps\ndrop to 10%\nstable 1k steps\ndrop to 1%\nstable 1k steps"),
          "(5,1): error CPT4201: target 'torchtitan' cannot express this drop: it changes the LR instantly, and the scheduler's LR is continuous; write the two levels as separate runs, or use --target csv" },
        { "torchtitan", Paper,
          "(10,5): error CPT4201: target 'torchtitan' cannot express this decay: torchtitan holds the peak for at least one update before its decay (stable_steps = total_steps + 1 − warmup − decay); add `stable 1 step` before it, or use --target csv" },
        { "torchtitan", Run("warmup 100 steps\nstable 1k steps\ndecay 1k steps to 10%\nstable 50 steps"),
          "(7,1): error CPT4201: target 'torchtitan' cannot express this stable: torchtitan's decay lasts until the last step" },
        { "torchtitan", Run("stable 1 step at 0\nwarmup 100 steps\nstable 1k steps"),
          "(4,1): error CPT4201: target 'torchtitan' cannot express this stable: torchtitan's first update is already one step into its warmup" },
        { "torchtitan", Run("warmup 100 steps\nstable 1k steps\ndecay 1k steps to 10% exponential"),
          "(6,1): error CPT4201: target 'torchtitan' cannot express this decay: torchtitan's decay types are linear, sqrt, cosine; it has no exponential decay" },
        { "megatron", Run("warmup 100 steps cosine\nstable 1k steps"),
          "(4,1): error CPT4201: target 'megatron' cannot express this warmup: Megatron's warmup is linear; it has no cosine warmup" },
        { "megatron", Run("warmup 100 steps\ndecay 1k steps to 10% exponential"),
          "(5,1): error CPT4202: the megatron settings would not reproduce this phase: step" },
        { "megatron", Run("warmup 100 steps\ndecay 1k steps to 10%\nwarmup 100 steps to 10%"),
          "(6,1): error CPT4201: target 'megatron' cannot express this warmup: a framework schedule has one warmup, at its start" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void InexpressiblePhasesAreReportedAtThePhase(string target, string source, string line)
    {
        using var dir = new TempDirectory();
        string output = System.IO.Path.Combine(dir.Path, "out.txt");
        var result = ExportAssert.Export(dir, source, "--target", target, "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(line, result.Error);
        Assert.Equal("", result.Out);
        Assert.False(File.Exists(output), "nothing is written when the export is refused");
    }

    [Theory]
    [InlineData("hf")]
    [InlineData("megatron")]
    public void TheShippedExportExampleIsExact(string target)
    {
        string path = System.IO.Path.Combine(Repository.Examples, "wsd-export-to-frameworks.cpt");
        var result = CliRunner.Run("export", path, "--target", target);
        Assert.True(result.ExitCode == 0, result.Error);
        ExportAssert.Reproduces(ExportAssert.Plan(File.ReadAllText(path)), target, result.Out);
    }

    [Fact]
    public void MegatronWritesTheFlagsOfEachStageWithItsResumeStep()
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, Paper, "--target", "megatron");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            # cptc export: run fineweb_to_kp, stage fineweb: steps 1..40000 (from scratch); exact
            --lr 0.0002 --min-lr 0.0 --lr-warmup-iters 0 --lr-warmup-init 0.0 --lr-decay-style WSD --lr-wsd-decay-style linear --lr-wsd-decay-iters 4000 --lr-decay-iters 39999 --train-iters 40000
            # cptc export: run fineweb_to_kp, stage kp, replay 0.25: steps 40001..50000 (resume from the checkpoint of step 40000, with the scheduler's step count restarted at 0); exact
            --lr 2e-05 --min-lr 0.0 --lr-warmup-iters 999 --lr-warmup-init 2e-08 --lr-decay-style cosine --lr-decay-iters 9999 --train-iters 10000

            """.ReplaceLineEndings("\n"), result.Out);
    }

    [Fact]
    public void HfGivesOneStageEntryPerStageAndStageSelectsOne()
    {
        const string twoStages = """
            run r {
              peak_lr 3e-4
              train web { stable 1 step at 0 warmup 100 steps stable 1k steps decay 200 steps to 0 linear }
              switch to code { replay web 30% stable 1 step at 0 warmup 50 steps to 3e-5 stable 449 steps }
            }
            """;
        using var dir = new TempDirectory();
        var both = ExportAssert.Export(dir, twoStages, "--target", "hf");
        Assert.True(both.ExitCode == 0, both.Error);
        var stages = JsonDocument.Parse(both.Out).RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["web", "code"], stages.Select(s => s.GetProperty("domain").GetString()));
        Assert.Equal([0L, 1301L], stages.Select(s => s.GetProperty("resumeFromStep").GetInt64()));
        Assert.Equal([0.0, 0.3], stages.Select(s => s.GetProperty("replay").GetDouble()));
        ExportAssert.Reproduces(ExportAssert.Plan(twoStages), "hf", both.Out);

        var one = ExportAssert.Export(dir, twoStages, "--target", "hf", "--stage", "code");
        var only = Assert.Single(JsonDocument.Parse(one.Out).RootElement.GetProperty("stages").EnumerateArray());
        Assert.Equal(1302, only.GetProperty("firstStep").GetInt64());
        Assert.Equal(3e-5, only.GetProperty("training_arguments").GetProperty("learning_rate").GetDouble());
    }

    [Fact]
    public void TorchtitanStagesAreSeparateBlocks()
    {
        const string twoStages = """
            run r {
              peak_lr 3e-4
              train web { warmup 100 steps stable 900 steps }
              switch to code { warmup 50 steps to 1e-4 stable 1 step decay 949 steps to 1e-5 }
            }
            """;
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, twoStages, "--target", "torchtitan");
        Assert.True(result.ExitCode == 0, result.Error);
        var stages = ReferenceSchedulers.ReadTorchtitan(result.Out);
        Assert.Equal(2, stages.Count);
        Assert.Equal(("50", "999", "linear", "0.1"), (stages[1]["--lr_scheduler.warmup_steps"], stages[1]["--lr_scheduler.total_steps"],
            stages[1]["--lr_scheduler.decay_type"], stages[1]["--lr_scheduler.min_lr_factor"]));
        ExportAssert.Reproduces(ExportAssert.Plan(twoStages), "torchtitan", result.Out);
    }
}
