using System.Text.Json;
using CptLang;

namespace Cptc.Tests;

/// <summary><c>cptc fit --form auto</c> (docs/cli.md): each form the runs support is scored by
/// leave-one-run-out MAE, and the winner is fitted and written. Logs come from a known law, so the
/// form that generated them predicts every left-out run exactly.</summary>
public class FitAutoFormTests
{
    // short runs: the Multi-Power Law, a candidate without a switch, is slow to fit on long ones
    const string Annealing = """
        run cosine {
          peak_lr 2e-4
          train web { warmup 100 steps  decay 1900 steps to 0 cosine }
        }

        run wsd {
          peak_lr 2e-4
          train web { warmup 100 steps  stable 1400 steps  decay 500 steps to 0 linear }
        }

        """;

    const string Eq1Law = "law web { L0 = 2.6  A = 0.43  alpha = 0.55  C = 0.41 }\n";

    const string Switching = """
        run a {
          peak_lr 2e-4
          train fineweb { warmup 500 steps stable 15500 steps decay 4k steps to 0 }
          switch to kp { warmup 500 steps decay 9500 steps to 0 cosine }
        }
        run b {
          peak_lr 2e-4
          train fineweb { warmup 500 steps stable 9500 steps }
          switch to kp { stable 10k steps }
        }
        run c {
          peak_lr 2e-4
          train fineweb { warmup 500 steps decay 29500 steps to 2e-5 cosine }
          switch to kp { warmup 500 steps to 1e-4 decay 9500 steps to 0 }
        }

        """;

    static Dictionary<string, JsonElement> Scores(JsonElement json) =>
        json.GetProperty("formSelection").EnumerateArray().ToDictionary(s => s.GetProperty("form").GetString()!, s => s);

    [Fact]
    public void Eq1_logs_without_a_switch_compare_eq1_and_mpl_and_eq1_is_not_worse()
    {
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, Annealing + Eq1Law, every: 200);
        string cpt = dir.File("runs.cpt", Annealing);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "auto", "--format", "json", .. SyntheticLogs.Data(logs)]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var scores = Scores(json);
        Assert.Equal(["eq1", "mpl"], scores.Keys.Order());
        string chosen = json.GetProperty("chosenForm").GetString()!;
        Assert.Contains(chosen, new[] { "eq1", "mpl" });
        Assert.Equal(chosen, json.GetProperty("form").GetString());
        double eq1 = scores["eq1"].GetProperty("mae").GetDouble(), mpl = scores["mpl"].GetProperty("mae").GetDouble();
        Assert.True(eq1 <= Math.Min(eq1, mpl) * 1.01 + 1e-12, $"eq1 {eq1}, mpl {mpl}");
        Assert.Equal("eq1", chosen);
        Assert.All(scores.Values, s => Assert.Equal(2, s.GetProperty("runs").GetInt32()));
        Assert.Equal(4, scores["eq1"].GetProperty("parameters").GetInt32());
    }

    [Fact]
    public void A_fold_that_leaves_a_parameter_undetermined_is_not_scored_for_any_form()
    {
        // fitted on the constant run alone, Eq. 1's C sees no drop (the MPL's prior would fill in
        // its drop parameters): predicting the cosine run from it measures the missing run, so
        // only the fold that leaves out the constant run is scored, for both forms alike
        const string runs = """
            run constant {
              peak_lr 2e-4
              train web { warmup 100 steps  stable 1900 steps }
            }

            run cosine {
              peak_lr 2e-4
              train web { warmup 100 steps  decay 1900 steps to 0 cosine }
            }

            """;
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, runs + Eq1Law, every: 200);
        string cpt = dir.File("runs.cpt", runs);
        var json = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "auto", "--format", "json", .. SyntheticLogs.Data(logs)]);
        Assert.True(json.ExitCode == 0, json.Error);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(["cosine"], root.GetProperty("unscoredRuns").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("eq1", root.GetProperty("chosenForm").GetString());
        var text = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "auto", .. SyntheticLogs.Data(logs)]);
        Assert.Contains("(each of 2 fitted runs predicted from the others, except cosine: the other runs leave a parameter undetermined;", text.Out);
    }

    [Fact]
    public void A_replay_run_predicted_from_runs_of_one_other_ratio_is_not_scored()
    {
        // without the replay run the others confound a1 with C2 and a2 with B (one ratio): its
        // prediction would rest on where along that ridge the fold's fit happened to stop
        const string runs = """
            run a {
              peak_lr 2e-4
              train fineweb { warmup 500 steps stable 7500 steps decay 2k steps to 0 }
              switch to kp { warmup 200 steps decay 4800 steps to 0 cosine }
            }
            run b {
              peak_lr 2e-4
              train fineweb { warmup 500 steps stable 7500 steps }
              switch to kp { stable 5k steps }
            }
            run r {
              peak_lr 2e-4
              train fineweb { warmup 500 steps stable 7500 steps decay 2k steps to 0 }
              switch to kp { replay fineweb 25%  warmup 200 steps decay 4800 steps to 0 cosine }
            }

            """;
        const string law = "law kp { L0 = 2.99  A = 0.46  alpha = 0.51  C1 = 0.28  C2 = 0.28  B = -0.53  E = 100  beta = 0.3  a1 = 0.04  a2 = 2 }\n";
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, runs + law, every: 250);
        string cpt = dir.File("runs.cpt", runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "kp", "--form", "auto", "--format", "json", "--replicates", "0", .. SyntheticLogs.Data(logs)]);
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("replay", root.GetProperty("chosenForm").GetString());
        Assert.Equal(["r"], root.GetProperty("unscoredRuns").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Eq4_logs_of_switching_runs_choose_eq4_over_the_size_form_at_one_size()
    {
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, Switching + "law kp = paper.fig3.domain\n", every: 1000);
        string cpt = dir.File("runs.cpt", Switching);
        // one model size: the size form holds F and the gammas at 0, so it is eq4 with as many
        // fitted parameters; the tie goes to eq4, the earlier form
        var result = CliRunner.Run(["fit", cpt, "--law", "kp", "--form", "auto", .. SyntheticLogs.Data(logs),
            "--model-size", "a=106M", "--model-size", "b=106M", "--model-size", "c=106M"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("--form auto: eq4 chosen by leave-one-run-out MAE", result.Out);
        var table = result.Out.Split('\n').SkipWhile(l => !l.StartsWith("form ", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(3, table.Count);
        Assert.Matches(@"^form\s+score\(MAE\)\s+runs\s+parameters$", table[0]);
        Assert.Matches(@"^eq4\s+0\.00000\s+3\s+8\s+chosen$", table[1]);
        Assert.Matches(@"^size\s+0\.00000\s+3\s+8$", table[2]);
        Assert.Contains("law kp {", result.Out);
        Assert.DoesNotContain("N = ", result.Out);
    }

    [Fact]
    public void Held_out_runs_take_no_part_in_the_choice()
    {
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, Switching + "law kp = paper.fig3.domain\n", every: 1000);
        string cpt = dir.File("runs.cpt", Switching);
        var result = CliRunner.Run(["fit", cpt, "--law", "kp", "--form", "auto", "--format", "json", .. SyntheticLogs.Data(logs), "--holdout", "c"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var eq4 = Assert.Single(Scores(json)).Value;
        Assert.Equal(2, eq4.GetProperty("runs").GetInt32());
        Assert.Equal("eq4", json.GetProperty("chosenForm").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("heldout").ValueKind);
    }

    [Fact]
    public void Write_puts_the_chosen_forms_block_into_the_file_and_it_compiles()
    {
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, Switching + "law kp = paper.fig3.domain\n", every: 1000);
        // an eq1 block the runs do not suit: auto replaces it with the form it chose
        string cpt = dir.File("runs.cpt", Switching + "law kp { L0 = 2  A = 0.5  alpha = 0.5  C = 0.5 }\n");
        var result = CliRunner.Run(["fit", cpt, "--law", "kp", "--form", "auto", "--write", .. SyntheticLogs.Data(logs)]);
        Assert.True(result.ExitCode == 0, result.Error);
        string written = File.ReadAllText(cpt);
        Assert.StartsWith(Switching, written);
        var compilation = Compilation.Create(written);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var law = Assert.Single(compilation.Bound.Laws, l => l.Name == "kp");
        var parametric = Assert.IsType<CptLang.Laws.Laws.ParametricLaw>(law.Definition);
        Assert.Equal(CptLang.Laws.Laws.LawForm.Cpt, parametric.Parameters.Form);
    }

    [Fact]
    public void One_fitted_run_falls_back_to_the_default_form_with_a_warning()
    {
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, Annealing + Eq1Law, every: 200);
        string cpt = dir.File("runs.cpt", Annealing);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "auto", "--format", "json", .. SyntheticLogs.Data(logs), "--holdout", "wsd"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("warning CPT3110", result.Error);
        Assert.Contains("needs two or more fitted runs, and there is one", result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("eq1", json.GetProperty("chosenForm").GetString());
        Assert.Equal("eq1", json.GetProperty("form").GetString());
        // nothing was scored: the held-out run is never used to choose
        Assert.All(Scores(json).Values, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("mae").ValueKind));
    }

    [Fact]
    public void When_no_run_is_predicted_from_the_others_the_warning_names_each_and_why()
    {
        // a pre-training run and one CPT run that continues it: left out, the CPT run leaves the
        // pre-training run alone, which shows nothing of the CPT terms; the pre-training run has
        // no rows of its own (the CPT run's log repeats them), so there is nothing to score
        const string runs = """
            run pre {
              peak_lr 2e-4
              train fineweb { warmup 500 steps stable 7500 steps decay 2k steps to 0 }
            }
            run a {
              peak_lr 2e-4
              train fineweb { warmup 500 steps stable 7500 steps decay 2k steps to 0 }
              switch to kp { warmup 200 steps decay 4800 steps to 0 cosine }
            }

            """;
        const string law = "law kp { L0 = 2.99  A = 0.46  alpha = 0.51  C1 = 0.28  C2 = 0.28  B = -0.53  E = 100  beta = 0.3 }\n";
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, runs + law, every: 250);
        string cpt = dir.File("runs.cpt", runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "kp", "--form", "auto", "--format", "json", "--replicates", "0", .. SyntheticLogs.Data(logs)]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("warning CPT3110: --form auto could not compare forms for law 'kp': no fitted run is predicted from the others " +
            "(a: the other runs leave a parameter undetermined; pre: every row is also in another fitted run's log, so leaving it out keeps its rows in the fit)", result.Error);
        Assert.Contains("fit on two or more runs that the others can each predict", result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(["a"], root.GetProperty("unscoredRuns").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["pre"], root.GetProperty("sharedRuns").EnumerateArray().Select(r => r.GetString()));
        var text = CliRunner.Run(["fit", cpt, "--law", "kp", "--form", "auto", "--replicates", "0", .. SyntheticLogs.Data(logs)]);
        Assert.Contains("--form auto: forms not compared (no fitted run is predicted from the others: a: the other runs leave a parameter undetermined; pre:", text.Out);
    }

    [Fact]
    public void Auto_refuses_fix_fit_lambda_and_sizes_of_some_runs_only()
    {
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, Annealing + Eq1Law, every: 200);
        string cpt = dir.File("runs.cpt", Annealing);
        var fix = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "auto", "--fix", "L0=2", .. SyntheticLogs.Data(logs)]);
        Assert.Equal(2, fix.ExitCode);
        Assert.Contains("CPT4110: --fix does not apply to --form auto", fix.Error);
        var lambda = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "auto", "--fit-lambda", .. SyntheticLogs.Data(logs)]);
        Assert.Equal(2, lambda.ExitCode);
        Assert.Contains("CPT4110: --fit-lambda does not apply to --form auto", lambda.Error);
        var size = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "auto", "--model-size", "cosine=106M", .. SyntheticLogs.Data(logs)]);
        Assert.Equal(2, size.ExitCode);
        Assert.Contains("CPT4110: --form auto tries the model-size form (Eq. 7) only with every run's size, and run 'wsd' has none", size.Error);
    }

    [Fact]
    public void Without_auto_the_report_has_no_form_selection()
    {
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, Annealing + Eq1Law, every: 200);
        string cpt = dir.File("runs.cpt", Annealing);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--format", "json", .. SyntheticLogs.Data(logs)]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.False(json.TryGetProperty("formSelection", out _));
        Assert.False(json.TryGetProperty("chosenForm", out _));
    }
}
