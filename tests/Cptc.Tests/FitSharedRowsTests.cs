using System.Text.Json;

namespace Cptc.Tests;

/// <summary>CPT logs that start with the shared pre-training rows: each such row is one
/// observation, counted once (docs/cli.md, <c>cptc fit</c>).</summary>
public class FitSharedRowsTests
{
    const string Runs = """
        run pretrain {
          peak_lr 2e-4
          train web { warmup 500 steps  stable 8k steps  decay 1.5k steps to 0 linear }
        }
        run cpt_a {
          peak_lr 2e-4
          train web { warmup 500 steps  stable 8k steps  decay 1.5k steps to 0 linear }
          switch to code { warmup 100 steps to 1e-4  decay 4.9k steps to 0 cosine }
        }
        run cpt_b {
          peak_lr 2e-4
          train web { warmup 500 steps  stable 8k steps  decay 1.5k steps to 0 linear }
          switch to code { warmup 100 steps to 5e-5  stable 4.9k steps }
        }

        """;

    const string Law = "law web { L0 = 2.9  A = 0.5  alpha = 0.5  C1 = 0.3  C2 = 0.3  B = 0.3  E = 30  beta = 0.2 }\n";

    static Dictionary<string, string> Logs(TempDirectory dir) => SyntheticLogs.Write(dir, Runs + Law, format: "F6");

    [Fact]
    public void Shared_pre_training_rows_are_fitted_once_and_not_held_out()
    {
        using var dir = new TempDirectory();
        var logs = Logs(dir);
        string cpt = dir.File("runs.cpt", Runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--format", "json",
            "--data", $"pretrain={logs["pretrain"]}", "--data", $"cpt_a={logs["cpt_a"]}", "--data", $"cpt_b={logs["cpt_b"]}", "--holdout", "cpt_b"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        // pre-training: 100 rows (steps 100..10,000), repeated in both CPT logs; the 4 inside the
        // warmup (before its last step, 500) are left out of every log
        Assert.Equal(192, json.GetProperty("sharedRows").GetInt32());
        var points = json.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("run").GetString()!, r => r.GetProperty("points").GetInt32());
        Assert.Equal(96, points["pretrain"]);
        Assert.Equal(50, points["cpt_a"]);
        Assert.Equal(50, points["cpt_b"]);
        Assert.Equal(146, json.GetProperty("points").GetInt32());
    }

    [Fact]
    public void Leaving_out_the_pre_training_run_keeps_its_rows_in_the_fit()
    {
        // every pre-training row is repeated in the CPT logs: left out, pretrain has nothing to
        // predict, and the folds that leave out a CPT run keep the pre-training rows
        using var dir = new TempDirectory();
        var logs = Logs(dir);
        string cpt = dir.File("runs.cpt", Runs);
        string[] data = ["--data", $"pretrain={logs["pretrain"]}", "--data", $"cpt_a={logs["cpt_a"]}", "--data", $"cpt_b={logs["cpt_b"]}"];
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "auto", "--format", "json", "--replicates", "0", .. data]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(["pretrain"], json.GetProperty("sharedRuns").EnumerateArray().Select(r => r.GetString()));
        // the logs come from an Eq. 4 law with six digits: the chosen form predicts each left-out run
        var scores = json.GetProperty("formSelection").EnumerateArray().ToDictionary(f => f.GetProperty("form").GetString()!, f => f.GetProperty("mae").GetDouble());
        Assert.InRange(scores["eq4"], 0, 1e-4);

        var text = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "auto", "--replicates", "0", .. data]);
        Assert.Contains("pretrain: every row is also in another fitted run's log, so leaving it out keeps its rows in the fit", text.Out);
    }

    [Theory]
    [InlineData("106M", 96)] // the pre-training rows from the end of its warmup
    [InlineData("594M", 0)]
    public void Rows_of_models_of_two_sizes_are_two_observations(string size, int shared)
    {
        using var dir = new TempDirectory();
        var logs = Logs(dir);
        string cpt = dir.File("runs.cpt", Runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "size", "--format", "json", "--replicates", "0",
            "--data", $"pretrain={logs["pretrain"]}", "--data", $"cpt_a={logs["cpt_a"]}", "--model-size", "pretrain=106M", "--model-size", $"cpt_a={size}"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(shared, JsonDocument.Parse(result.Out).RootElement.GetProperty("sharedRows").GetInt32());
    }

    [Fact]
    public void A_log_with_only_shared_rows_is_left_out_with_a_warning()
    {
        using var dir = new TempDirectory();
        var logs = Logs(dir);
        string onlyShared = dir.File("short.csv", string.Join('\n', File.ReadAllLines(logs["cpt_a"]).Take(101)) + "\n");
        string cpt = dir.File("runs.cpt", Runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--data", $"pretrain={logs["pretrain"]}", "--data", $"cpt_b={logs["cpt_b"]}", "--data", $"cpt_a={onlyShared}"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("warning CPT3105: every logged row of run 'cpt_a' repeats a row of another fitted run", result.Error);
    }
}
