namespace Cptc.Tests;

/// <summary>Warnings that say which parameter the logs cannot determine and what log would
/// (issue: replay fitted on runs without replay, and a loss that rises during pre-training).</summary>
public class FitIdentifiabilityTests
{
    const string Runs = """
        run cpt_a {
          peak_lr 2e-4
          train web { warmup 500 steps  stable 8k steps  decay 1.5k steps to 0 linear }
          switch to code { warmup 100 steps to 1e-4  decay 4.9k steps to 0 cosine }
        }
        run cpt_b {
          peak_lr 2e-4
          train web { warmup 500 steps  stable 8k steps }
          switch to code { warmup 100 steps to 5e-5  stable 4.9k steps }
        }

        """;

    /// <summary>A log of each run every 100 steps: from the law, or rising before the switch when asked.</summary>
    static string[] Logs(TempDirectory dir, string law, bool risingPretraining = false) =>
        SyntheticLogs.Data(SyntheticLogs.Write(dir, Runs + law,
            loss: (plan, step, loss) => risingPretraining && step <= plan.SwitchStep ? 4 + step * 2e-5 : loss));

    const string Replay = "{ L0 = 2.9  A = 0.5  alpha = 0.5  C1 = 0.3  C2 = 0.3  B = 0.3  E = 30  beta = 0.2  a1 = 0.05  a2 = 3 }\n";

    [Fact]
    public void A_replay_fit_without_replay_names_what_each_replay_parameter_is_confounded_with()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("runs.cpt", Runs);
        var general = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "replay", .. Logs(dir, "law web " + Replay)]);
        Assert.True(general.ExitCode == 0, general.Error);
        Assert.Contains("law 'web' cannot tell a2 from B: no fitted run replays", general.Error);
        Assert.Contains("depends on a1", general.Error);
        Assert.Contains("logs of runs that replay pre-training data, at two or more ratios (for a1)", general.Error);
        Assert.DoesNotContain("domain switch (for", general.Error);

        var domain = CliRunner.Run(["fit", cpt, "--law", "code", "--form", "replay", .. Logs(dir, "law code " + Replay.Replace("B = 0.3", "B = -0.5").Replace("a2 = 3", "a2 = 0.5"))]);
        Assert.True(domain.ExitCode == 0, domain.Error);
        Assert.Contains("law 'code' cannot tell a1 from C2", domain.Error);
        Assert.Contains("law 'code' cannot tell a2 from B", domain.Error);

        // the bootstrap holds the confounded member of each pair (its spread would be arbitrary,
        // and a replay run's band would inherit it); the other carries the product's spread
        Assert.DoesNotContain("sd a2", general.Out);
        Assert.Contains("sd B =", general.Out);
        Assert.DoesNotContain("sd a1", domain.Out);
        Assert.DoesNotContain("sd a2", domain.Out);
        Assert.Contains("sd C2 =", domain.Out);
        Assert.Contains("sd B =", domain.Out);
    }

    [Fact]
    public void A_replay_parameter_on_its_bound_asks_for_other_replay_ratios()
    {
        // a quarter of replay removing all of the shift: a2 runs to its bound −20, and what
        // decides a2 is the replay ratios of the runs, not their schedules
        const string replay = """
            run cpt_r {
              peak_lr 2e-4
              train web { warmup 500 steps  stable 8k steps  decay 1.5k steps to 0 linear }
              switch to code { replay web 25%  warmup 100 steps to 1e-4  decay 4.9k steps to 0 cosine }
            }

            """;
        using var dir = new TempDirectory();
        string cpt = dir.File("runs.cpt", Runs + replay);
        var data = SyntheticLogs.Data(SyntheticLogs.Write(dir, Runs + replay + "law web " + Replay.Replace("B = 0.3", "B = -1e-13").Replace("a2 = 3", "a2 = -30")));
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "replay", "--replicates", "0", .. data]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("puts a2 = -20 on a bound of its search interval [-20, 20]; the fitted replay ratios may not determine it: add logs of runs at other replay ratios", result.Error);
    }

    const string Eq4 = "law code { L0 = 2.9  A = 0.5  alpha = 0.5  C1 = 0.3  C2 = 0.3  B = -0.5  E = 30  beta = 0.2 }\n";

    [Fact]
    public void A_loss_rising_in_pre_training_gets_a_remedy_that_fits_it()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("runs.cpt", Runs);
        var data = Logs(dir, Eq4, risingPretraining: true);
        var result = CliRunner.Run(["fit", cpt, "--law", "code", .. data]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("warning CPT3101", result.Error);
        Assert.Contains("rises during pre-training", result.Error);
        Assert.Contains("--after-switch", result.Error);
        // the rising rows put alpha on 0, where A·S1^(−alpha) is a constant: the warning says that
        // only L0 + A is determined, and the bootstrap spreads L0 alone
        Assert.Contains("puts alpha = 0 on a bound", result.Error);
        Assert.Contains("only L0 + A is determined", result.Error);
        Assert.Contains("sd L0 =", result.Out);
        Assert.DoesNotContain("sd A =", result.Out);

        var after = CliRunner.Run(["fit", cpt, "--law", "code", "--after-switch", "--format", "json", .. data]);
        Assert.True(after.ExitCode == 0, after.Error);
        var json = System.Text.Json.JsonDocument.Parse(after.Out).RootElement;
        var points = json.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("points").GetInt32());
        Assert.Equal([50, 50], points);
        // the shared pre-training rows are not fitted at all, so none is "counted once"; and the
        // report says that the law's losses before the switch are extrapolated
        Assert.Equal(0, json.GetProperty("sharedRows").GetInt32());
        var text = CliRunner.Run(["fit", cpt, "--law", "code", "--after-switch", .. data]);
        Assert.DoesNotContain("counted once", text.Out);
        Assert.Contains("--after-switch: law 'code' is fitted to the rows after the switch only; its losses before the switch, and the changes since the switch that cptc predict reports, are extrapolations", text.Out);
        var all = CliRunner.Run(["fit", cpt, "--law", "code", .. data]);
        Assert.Contains("counted once", all.Out);
    }

    [Fact]
    public void After_switch_refuses_a_run_without_a_switch()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("runs.cpt", Runs + "run pre { peak_lr 2e-4  train web { stable 1k steps } }\n");
        string log = dir.File("pre.csv", "step,loss\n100,3\n200,2.9\n");
        var result = CliRunner.Run("fit", cpt, "--law", "web", "--after-switch", "--data", $"pre={log}");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--after-switch leaves nothing of run 'pre'", result.Error);
    }
}
