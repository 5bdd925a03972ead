using System.Text.RegularExpressions;

namespace Cptc.Tests;

/// <summary>Every way a training log can be wrong: a diagnostic naming the log file, the line and
/// the column of the offending cell, exit code 1, and no output.</summary>
public partial class FitLogErrorTests
{
    const string Cpt = """
        run short {
          peak_lr 2e-4
          train web {
            warmup 100 steps
            decay 1900 steps to 2e-5 cosine
          }
        }

        """;

    static CliResult Fit(TempDirectory dir, string log, string name = "log.csv", params string[] extra) =>
        CliRunner.Run(["fit", dir.File("r.cpt", Cpt), "--law", "web", "--data", $"short={dir.File(name, log)}", .. extra]);

    static void AssertError(CliResult result, string file, int line, int column, string code)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        var first = result.Error.Split('\n')[0];
        var match = Location().Match(first);
        Assert.True(match.Success, first);
        Assert.EndsWith(file, match.Groups[1].Value);
        Assert.Equal((line, column, code), (int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value), match.Groups[4].Value));
    }

    [GeneratedRegex(@"^(.*)\((\d+),(\d+)\): error (CPT\d{4}): ")]
    private static partial Regex Location();

    [Fact]
    public void Missing_loss_column() =>
        AssertError(Fit(new TempDirectory(), "step,val_loss\n100,3.5\n"), "log.csv", 1, 1, "CPT4101");

    [Fact]
    public void Missing_step_column_names_the_columns_there_are()
    {
        using var dir = new TempDirectory();
        var result = Fit(dir, "iteration,loss\n100,3.5\n");
        AssertError(result, "log.csv", 1, 1, "CPT4101");
        Assert.Contains("'iteration', 'loss'", result.Error);
        Assert.Contains("--step-column", result.Error);
    }

    [Fact]
    public void Non_numeric_cell_points_at_the_cell()
    {
        using var dir = new TempDirectory();
        var result = Fit(dir, "step,loss\n100,3.5\n200,n/a\n");
        AssertError(result, "log.csv", 3, 5, "CPT4102");
        Assert.Contains("'n/a'", result.Error);
    }

    [Fact]
    public void Fractional_step() =>
        AssertError(Fit(new TempDirectory(), "step,loss\n100.5,3.5\n"), "log.csv", 2, 1, "CPT4102");

    [Theory]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("-0.1")]
    [InlineData("0")]
    [InlineData("inf")]
    public void Loss_that_is_not_positive_and_finite(string loss) =>
        AssertError(Fit(new TempDirectory(), $"step,loss\n100,3.5\n200,{loss}\n"), "log.csv", 3, 5, "CPT4103");

    [Fact]
    public void Duplicated_step_names_the_first_line()
    {
        using var dir = new TempDirectory();
        var result = Fit(dir, "step,loss\n100,3.5\n200,3.4\n200,3.4\n");
        AssertError(result, "log.csv", 4, 1, "CPT4104");
        Assert.Contains("first on line 3", result.Error);
    }

    [Fact]
    public void Unsorted_steps() =>
        AssertError(Fit(new TempDirectory(), "step,loss\n100,3.5\n300,3.4\n200,3.45\n"), "log.csv", 4, 1, "CPT4105");

    [Fact]
    public void Step_beyond_the_run()
    {
        using var dir = new TempDirectory();
        var result = Fit(dir, "step,loss\n1000,3.5\n2000,3.4\n2500,3.3\n");
        AssertError(result, "log.csv", 4, 1, "CPT4106");
        Assert.Contains("steps 1..2,000", result.Error);
    }

    [Fact]
    public void A_negative_step() =>
        AssertError(Fit(new TempDirectory(), "step,loss\n-100,10.9\n100,3.5\n"), "log.csv", 2, 1, "CPT4102");

    [Theory]
    [InlineData("")]
    [InlineData("step,loss\n")]
    [InlineData("  \n\n")]
    public void Empty_file(string content) =>
        AssertError(Fit(new TempDirectory(), content), "log.csv", 1, 1, "CPT4107");

    [Fact]
    public void Learning_rate_column_that_disagrees_with_the_schedule_names_the_first_differing_step()
    {
        using var dir = new TempDirectory();
        // the schedule: warmup to 2e-4 over 100 steps, so step 50 runs at 1e-4 and step 100 at 2e-4
        var result = Fit(dir, "step,lr,loss\n50,1e-4,3.9\n100,2e-4,3.5\n200,1e-4,3.4\n300,1e-4,3.3\n");
        AssertError(result, "log.csv", 4, 5, "CPT4108");
        Assert.Contains("step 200", result.Error);
        Assert.Contains("first differing step", result.Error);
    }

    [Fact]
    public void Matching_learning_rate_column_is_accepted()
    {
        using var dir = new TempDirectory();
        var ok = Fit(dir, "step,lr,loss,other\n50,1e-4,3.9,x\n100,2e-4,3.5,y\n2000,2e-5,3.0,z\n", "log.csv", "--form", "eq1");
        Assert.True(ok.ExitCode == 0, ok.Error);
    }

    [Fact]
    public void Json_lines_record_that_is_not_an_object()
    {
        using var dir = new TempDirectory();
        AssertError(Fit(dir, "{\"step\": 100, \"loss\": 3.5}\n[1, 2]\n", "log.jsonl"), "log.jsonl", 2, 1, "CPT4109");
        AssertError(Fit(dir, "{\"step\": 100, \"loss\": 3.5}\n{\"step\": 200, \"loss\": \n", "log.jsonl"), "log.jsonl", 2, 1, "CPT4109");
    }

    [Fact]
    public void Json_lines_bad_loss_points_at_the_value()
    {
        using var dir = new TempDirectory();
        AssertError(Fit(dir, "{\"step\": 100, \"loss\": 3.5}\n{\"step\": 200, \"loss\": -1}\n", "log.jsonl"), "log.jsonl", 2, 23, "CPT4103");
    }

    [Fact]
    public void Every_bad_log_is_reported_not_only_the_first()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("two.cpt", Cpt + "run other { peak_lr 2e-4 train web { stable 1000 steps } }\n");
        var result = CliRunner.Run("fit", cpt, "--law", "web", "--data", $"short={dir.File("a.csv", "step,loss\n")}", "--data", $"other={dir.File("b.csv", "step,loss\n5000,3\n")}");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a.csv(1,1): error CPT4107", result.Error);
        Assert.Contains("b.csv(2,1): error CPT4106", result.Error);
    }
}
