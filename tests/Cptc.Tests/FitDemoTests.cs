using System.Globalization;
using System.Text.Json;

namespace Cptc.Tests;

/// <summary>
/// The annealing-law demo of docs/laws.md §10 end to end: two 20k-step runs (cosine to 0 and constant,
/// peak 2e-4, a 500-step warmup counted as peak) written as a .cpt file, their losses at every
/// 1000 steps as a CSV written here, fitted with `cptc fit`: the objective must reach the known
/// optimum and the parameters lie within 1 % of it.
/// </summary>
public class FitDemoTests
{
    internal const string DemoCpt = """
        // one model, two schedules: the annealing-law demo
        warmup_area peak

        run cosine {
          peak_lr 2e-4
          train web {
            warmup 500 steps
            decay 19500 steps to 0 cosine
          }
        }

        run constant {
          peak_lr 2e-4
          train web {
            warmup 500 steps
            stable 19500 steps
          }
        }

        """;

    /// <summary>The 20 rows of the demo's loss curves (step, cosine, constant).</summary>
    internal const string DemoCsv = """
        step,cosine,constant
        1000,3.6696358,3.6714418
        2000,3.3254106,3.325626
        3000,3.1908393,3.1884103
        4000,3.1158533,3.111947
        5000,3.0604768,3.058354
        6000,3.020384,3.0211415
        7000,2.9880967,2.9874816
        8000,2.9612265,2.96082
        9000,2.9395165,2.9406552
        10000,2.9195616,2.9241402
        11000,2.9030452,2.9054413
        12000,2.8881907,2.8942103
        13000,2.8767889,2.8807929
        14000,2.8654318,2.8702695
        15000,2.8565135,2.862175
        16000,2.8489892,2.8530996
        17000,2.843639,2.8448784
        18000,2.8398669,2.8383856
        19000,2.8380618,2.8326995
        20000,2.8376071,2.8294308

        """;

    [Fact]
    public void Eq1_fit_reaches_the_known_optimum()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("demo.cpt", DemoCpt), csv = dir.File("demo.csv", DemoCsv);
        var result = CliRunner.Run("fit", cpt, "--law", "web", "--data", $"cosine={csv}:cosine", "--data", $"constant={csv}:constant", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("eq1", json.GetProperty("form").GetString());
        Assert.Equal(54, json.GetProperty("starts").GetInt32());
        Assert.Equal(40, json.GetProperty("points").GetInt32());
        Assert.True(json.GetProperty("objective").GetDouble() <= 1.6243e-5 + 1e-8, $"objective {json.GetProperty("objective").GetDouble()}");
        var p = json.GetProperty("params");
        foreach (var (name, expected) in new[] { ("L0", 2.62758), ("A", 0.42983), ("C", 0.41081), ("alpha", 0.54940) })
            Assert.InRange(p.GetProperty(name).GetDouble(), expected * 0.99, expected * 1.01);
        Assert.Equal(0.99964, json.GetProperty("fitted").GetProperty("r2").GetDouble(), 5e-5);
        Assert.Equal(2, json.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void Text_report_shows_the_block_the_objective_and_a_row_per_run()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("demo.cpt", DemoCpt), csv = dir.File("demo.csv", DemoCsv);
        var result = CliRunner.Run("fit", cpt, "--law", "web", "--data", $"cosine={csv}:cosine", "--data", $"constant={csv}:constant", "--holdout", "constant");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.Equal("law web {", lines[0]);
        Assert.StartsWith("  L0 = ", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("objective ", StringComparison.Ordinal) && l.Contains("20 points", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cosine    fitted ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("constant  held out ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("(all)     held out ", StringComparison.Ordinal));
    }

    [Fact]
    public void Fitted_block_written_into_the_file_predicts_what_fit_reported()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("demo.cpt", DemoCpt), csv = dir.File("demo.csv", DemoCsv);
        var fit = CliRunner.Run("fit", cpt, "--law", "web", "--data", $"cosine={csv}:cosine", "--data", $"constant={csv}:constant", "--format", "json", "--write");
        Assert.Equal(0, fit.ExitCode);
        string written = File.ReadAllText(cpt);
        Assert.StartsWith(DemoCpt.ReplaceLineEndings("\n"), written);
        Assert.Equal(0, CliRunner.Run("fmt", "--check", cpt).ExitCode);

        // the MAE that fit reports is the MAE of the law it wrote, as predict evaluates it
        var predict = CliRunner.Run("predict", cpt, "--run", "cosine", "--format", "csv", "--every", "1000");
        Assert.Equal(0, predict.ExitCode);
        var predicted = predict.Out.TrimEnd('\n').Split('\n').Skip(1).Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        var observed = DemoCsv.Trim().Split('\n').Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        double mae = predicted.Zip(observed, (a, b) => Math.Abs(a - b)).Average();
        var cosine = JsonDocument.Parse(fit.Out).RootElement.GetProperty("runs")[0];
        Assert.Equal("cosine", cosine.GetProperty("run").GetString());
        Assert.Equal(cosine.GetProperty("mae").GetDouble(), mae, 1e-9);
    }
}
