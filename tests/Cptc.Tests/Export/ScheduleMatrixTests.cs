namespace Cptc.Tests.Export;

/// <summary>
/// The schedules of issue 12's matrix, each exported to every framework: the framework's own
/// scheduler (<see cref="ReferenceSchedulers"/>) gives cptc's LR on every update to 1e-12, or
/// cptc refuses with a CPT42xx diagnostic that says why.
/// </summary>
public class ScheduleMatrixTests
{
    static string Run(string phases) => $"run r {{\n  peak_lr 3e-4\n  train web {{\n{phases}\n  }}\n}}\n";

    public static TheoryData<string, string> Schedules()
    {
        var data = new TheoryData<string, string>();
        string[] schedules =
        [
            Run("warmup 200 steps\nstable 2k steps\ndecay 500 steps to 0 linear"),
            Run("warmup 200 steps\nstable 2k steps\ndecay 500 steps to 1% cosine"),
            Run("stable 1 step at 0\nwarmup 200 steps\nstable 2k steps\ndecay 500 steps to 0 1-sqrt"),
            Run("warmup 100 steps\nstable 1 step\ndecay 2k steps to 0 cosine"),
            Run("stable 1 step at 0\nwarmup 100 steps\nstable 1 step\ndecay 2k steps to 0 cosine"),
            Run("stable 3k steps"),
            Run("warmup 100 steps\nstable 1 step\ndecay 2k steps to 10% cosine"),
            ExportTargetsTests.Paper,
            "run r { peak_lr 3e-4 pretrained web switch to code { replay web 10% warmup 100 steps to 1e-4 stable 1k steps decay 900 steps to 1e-5 cosine } }",
            "run r { peak_lr 3e-4 train web { warmup 100 steps stable 1k steps decay 200 steps to 0 } switch to code { replay web 25% warmup 50 steps to 1e-4 stable 300 steps decay 300 steps to 1e-6 1-sqrt } }",
            Run("warmup 100 steps from 1e-5\nstable 10 steps\ndecay 500 steps to 50% exponential"),
            Run("warmup 100 steps\nstable 1k steps\ndrop to 1e-4\nstable 500 steps\ndecay 200 steps to 0 square"),
        ];
        foreach (var source in schedules)
            foreach (var target in new[] { "hf", "megatron", "torchtitan" })
                data.Add(target, source);
        return data;
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void ExactOrRefusedWithAReason(string target, string source)
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, source, "--target", target);
        if (result.ExitCode == 0) ExportAssert.Reproduces(ExportAssert.Plan(source), target, result.Out);
        else
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Matches("error CPT42[0-9]{2}: .+: .+", result.Error);
            Assert.Equal("", result.Out);
        }
    }

    [Fact]
    public void TheShapeNoFrameworkHasIsRefusedByAll()
    {
        using var dir = new TempDirectory();
        string source = Run("warmup 100 steps\nstable 1k steps\ndrop to 1e-4\nstable 500 steps\ndecay 200 steps to 0 square");
        foreach (var target in new[] { "hf", "megatron", "torchtitan" })
            Assert.Equal(1, ExportAssert.Export(dir, source, "--target", target).ExitCode);
    }
}
