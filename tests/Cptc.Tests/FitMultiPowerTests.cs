using System.Text.Json;

namespace Cptc.Tests;

/// <summary><c>cptc fit --form mpl</c> on logs of a known Multi-Power Law (docs/laws.md §9): the
/// fit is regularised by the paper's prior, the report says which strength leave-one-run-out chose,
/// and the fitted law predicts a held-out schedule.</summary>
public class FitMultiPowerTests
{
    const string Runs = """
        run cosine {
          peak_lr 3e-4
          train web { warmup 200 steps  decay 5800 steps to 3e-5 cosine }
        }

        run constant {
          peak_lr 3e-4
          train web { warmup 200 steps  stable 5800 steps }
        }

        run step {
          peak_lr 3e-4
          train web { warmup 200 steps  stable 2800 steps  drop to 9e-5  stable 3000 steps }
        }

        run wsd {
          peak_lr 3e-4
          train web { warmup 200 steps  stable 4800 steps  decay 1000 steps to 3e-5 linear }
        }

        """;

    const string Law = "law web mpl { L0 = 2.65  A = 0.6  alpha = 0.45  B = 438  C = 2.13  beta = 0.6  gamma = 0.655 }\n";

    [Fact]
    public void The_report_names_the_prior_and_the_strength_leave_one_run_out_chose()
    {
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, Runs + Law, every: 100);
        string cpt = dir.File("runs.cpt", Runs);
        string[] args = ["fit", cpt, "--law", "web", "--form", "mpl", .. SyntheticLogs.Data(logs), "--holdout", "wsd"];

        var text = CliRunner.Run(args);
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("regularised by a prior from the Multi-Power Law paper's fits", text.Out);
        Assert.Contains("chosen by leave-one-run-out MAE (1e-6: ", text.Out);

        var json = JsonDocument.Parse(CliRunner.Run([.. args, "--format", "json"]).Out).RootElement;
        var regularisation = json.GetProperty("regularisation");
        double strength = regularisation.GetProperty("strength").GetDouble();
        var scores = regularisation.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal([1e-6, 1e-5, 1e-4, 1e-3], scores.Select(s => s.GetProperty("strength").GetDouble()));
        Assert.Contains(strength, scores.Select(s => s.GetProperty("strength").GetDouble()));
        Assert.Equal(["B", "C", "beta", "gamma"], regularisation.GetProperty("prior").EnumerateArray().Select(p => p.GetProperty("param").GetString()));
        // logs of the law itself: the held-out WSD run is predicted to a small fraction of its loss
        double heldOut = json.GetProperty("heldout").GetProperty("mae").GetDouble();
        Assert.True(heldOut < 2e-3, $"held-out MAE {heldOut}");
    }

    [Fact]
    public void A_small_beta_warns_that_only_B_times_beta_is_determined()
    {
        // for small beta, 1 − (1 + y)^(−beta) ≈ beta·ln(1 + y): the loss drop is B·beta times a
        // function of C and gamma, so a fit that ends there knows B·beta, not B
        using var dir = new TempDirectory();
        var logs = SyntheticLogs.Write(dir, Runs + Law, every: 100);
        string cpt = dir.File("runs.cpt", Runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "mpl", .. SyntheticLogs.Data(logs), "--fix", "beta=0.005", "--replicates", "0"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("warning CPT3102: law 'web' fits beta = 0.005: for small beta the loss drop is about B·beta·Σ Δη·ln(1 + C·η^(−gamma)·S_k), " +
            "so only the product B·beta = ", result.Error);
        // at the paper's beta nothing is said
        var usual = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "mpl", .. SyntheticLogs.Data(logs), "--replicates", "0"]);
        Assert.DoesNotContain("B·beta", usual.Error);
    }
}
