using System.Text.Json;

namespace Cptc.Tests;

/// <summary>Rows logged inside a run's initial warmup are left out of a fit by default (the laws
/// describe the loss after warmup; docs/laws.md §9), said in the report; <c>--fit-warmup</c>
/// keeps them. A re-warmup after a switch is part of the CPT curve and always fitted.</summary>
public class FitWarmupRowsTests
{
    const string Runs = """
        run cosine {
          peak_lr 3e-4
          train web { warmup 1000 steps  decay 9000 steps to 3e-5 cosine }
        }
        run constant {
          peak_lr 3e-4
          train web { warmup 1000 steps  stable 9000 steps }
        }

        """;

    const string Law = "law web { L0 = 2.6  A = 0.6  alpha = 0.5  C = 0.4 }\n";

    /// <summary>The law's losses, but an untrained model's inside the warmup: ln(50,000) falling
    /// towards the law, far above anything the law gives there.</summary>
    static Dictionary<string, string> Logs(TempDirectory dir) => SyntheticLogs.Write(dir, Runs + Law, every: 100,
        loss: (_, step, law) => step <= 1000 ? law + Math.Log(50_000) * (1 - step / 1000.0) : law, format: "F6");

    static JsonElement Fit(TempDirectory dir, params string[] extra)
    {
        string cpt = dir.File("runs.cpt", Runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--format", "json", "--replicates", "0", .. SyntheticLogs.Data(Logs(dir)), .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    [Fact]
    public void Rows_inside_the_initial_warmup_are_left_out_and_the_law_is_recovered()
    {
        using var dir = new TempDirectory();
        var json = Fit(dir);
        // 100 rows per run, 9 of them at steps 100..900 (the row at 1,000 is the loss once the
        // warmup is done, the same in both runs and counted once)
        Assert.Equal(1, json.GetProperty("sharedRows").GetInt32());
        Assert.Equal(18, json.GetProperty("warmupRows").GetInt32());
        Assert.Equal(2 * 91 - 1, json.GetProperty("points").GetInt32());
        Assert.Equal(2.6, json.GetProperty("params").GetProperty("L0").GetDouble(), 1e-3);
        Assert.Equal(0.5, json.GetProperty("params").GetProperty("alpha").GetDouble(), 1e-3);

        using var text = new TempDirectory();
        var report = CliRunner.Run(["fit", text.File("runs.cpt", Runs), "--law", "web", "--replicates", "0", .. SyntheticLogs.Data(Logs(text))]);
        Assert.Contains("18 logged rows lie inside a run's initial warmup (run 'cosine': steps 100–900 of a warmup to step 1,000; and 1 more run) and are not fitted or scored", report.Out);
    }

    [Fact]
    public void Fit_warmup_keeps_them_and_they_pull_the_fit_away()
    {
        using var dir = new TempDirectory();
        var json = Fit(dir, "--fit-warmup");
        // the warmup rows are back, the two runs' identical ones (steps 100..1,000) once
        Assert.Equal(190, json.GetProperty("points").GetInt32());
        Assert.Equal(0, json.GetProperty("warmupRows").GetInt32());
        Assert.True(Math.Abs(json.GetProperty("params").GetProperty("alpha").GetDouble() - 0.5) > 0.01,
            json.GetProperty("params").ToString());
    }

    [Fact]
    public void A_log_that_ends_inside_the_warmup_is_left_out_with_a_warning()
    {
        using var dir = new TempDirectory();
        var logs = Logs(dir);
        string early = dir.File("early.csv", string.Join('\n', File.ReadAllLines(logs["constant"]).Take(6)) + "\n");
        var result = CliRunner.Run(["fit", dir.File("runs.cpt", Runs), "--law", "web", "--replicates", "0",
            "--data", $"cosine={logs["cosine"]}", "--data", $"constant={early}"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("warning CPT3105: every logged row of run 'constant' lies before step 1,000 (step 0 or its initial warmup)", result.Error);
    }

    /// <summary>Trainers often log the loss before the first update as step 0: it is skipped, not an
    /// error, with or without --fit-warmup.</summary>
    [Theory]
    [InlineData(false, "20 logged rows are not fitted or scored: 2 at step 0, before the first update, and 18 inside a run's initial warmup")]
    [InlineData(true, "2 logged rows at step 0, before the first update, are not fitted or scored: a law's curve starts at step 1")]
    public void A_row_at_step_0_is_skipped(bool fitWarmup, string note)
    {
        using var dir = new TempDirectory();
        var logs = Logs(dir).ToDictionary(l => l.Key, l =>
        {
            var lines = File.ReadAllLines(l.Value);
            return dir.File(l.Key + "-0.csv", string.Join('\n', [lines[0], "0,10.8", .. lines.Skip(1)]) + "\n");
        });
        string cpt = dir.File("runs.cpt", Runs);
        string[] extra = fitWarmup ? ["--fit-warmup"] : [];
        var text = CliRunner.Run(["fit", cpt, "--law", "web", "--replicates", "0", .. SyntheticLogs.Data(logs), .. extra]);
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains(note, text.Out);
        var json = JsonDocument.Parse(CliRunner.Run(["fit", cpt, "--law", "web", "--replicates", "0", "--format", "json", .. SyntheticLogs.Data(logs), .. extra]).Out).RootElement;
        Assert.Equal(2, json.GetProperty("stepZeroRows").GetInt32());
    }

    [Fact]
    public void Rows_in_a_re_warmup_after_the_switch_are_fitted()
    {
        const string cptRuns = """
            run cpt_a {
              peak_lr 2e-4
              train web { warmup 500 steps  stable 8k steps  decay 1.5k steps to 0 linear }
              switch to code { warmup 1000 steps to 1e-4  decay 4k steps to 0 cosine }
            }
            run cpt_b {
              peak_lr 2e-4
              train web { warmup 500 steps  stable 8k steps  decay 1.5k steps to 0 linear }
              switch to code { warmup 1000 steps to 5e-5  stable 4k steps }
            }

            """;
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, cptRuns + "law code { L0 = 2.9  A = 0.5  alpha = 0.5  C1 = 0.3  C2 = 0.3  B = 0.3  E = 30  beta = 0.2 }\n", format: "F6");
        var result = CliRunner.Run(["fit", dir.File("runs.cpt", cptRuns), "--law", "code", "--format", "json", "--replicates", "0", .. SyntheticLogs.Data(logs)]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        // 150 rows per log: the 4 before the end of the pre-training warmup are left out, the 10 in
        // the CPT warmup (steps 10,100..11,000) kept; the 96 pre-training rows both logs hold count once
        Assert.Equal(96, json.GetProperty("sharedRows").GetInt32());
        Assert.Equal(2 * 146 - 96, json.GetProperty("points").GetInt32());
    }
}
