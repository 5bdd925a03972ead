using CptLang.Fitting;

namespace CptLang.Tests;

/// <summary>Which rows <c>cptc fit</c> leaves out as lying in a run's initial warmup
/// (<see cref="WarmupRows"/>): only a stated pre-training's warmup from step 1.</summary>
public class WarmupRowsTests
{
    static long End(string source)
    {
        var compilation = Compilation.Create(source);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return WarmupRows.InitialWarmupEnd(compilation.Plans[0]);
    }

    [Theory]
    [InlineData("run r { peak_lr 3e-4  train web { warmup 2160 steps  stable until 24000 } }", 2160)]
    [InlineData("run r { peak_lr 3e-4  train web { stable 100 steps  warmup 50 steps  stable 100 steps } }", 0)]
    [InlineData("run r { peak_lr 3e-4  train web { stable 1000 steps } }", 0)]
    // a re-warmup after the switch is part of the CPT curve
    [InlineData("run r { peak_lr 2e-4  train web { stable 1000 steps }  switch to code { warmup 100 steps  stable 900 steps } }", 0)]
    [InlineData("run r { peak_lr 2e-4  train web { warmup 10 steps  stable 990 steps }  switch to code { warmup 100 steps  stable 900 steps } }", 10)]
    // an open checkpoint's pre-training is unknown: the CPT warmup is a re-warmup
    [InlineData("run r { peak_lr 2e-4  pretrained web  switch to code { warmup 100 steps  stable 900 steps } }", 0)]
    public void The_initial_warmup_is_a_stated_pre_trainings_warmup_from_step_1(string source, long end) =>
        Assert.Equal(end, End(source));

    [Fact]
    public void A_row_at_step_0_passes_the_log_check_and_its_LR_is_not_compared()
    {
        var compilation = Compilation.Create("run r { peak_lr 3e-4  train web { stable 1000 steps } }");
        var (log, error) = LogReader.Read(CptLang.Text.SourceText.From("step,lr,loss\n0,0,10.8\n100,3e-4,3.5\n", "log.csv"), new LogColumns("step", "loss", "lr"));
        Assert.Null(error);
        Assert.Null(RunLogs.Check(log!, compilation.Plans[0]));
    }
}
