using System.Globalization;
using System.Text;
using System.Text.Json;
using CptLang;
using CptLang.Laws.Laws;

namespace Cptc.Tests;

/// <summary>
/// Synthetic CPT logs generated from the Fig. 3 parameters with seeded noise: `cptc fit` on three
/// runs predicts a fourth, held-out run to within the noise level.
/// </summary>
public class FitSyntheticTests
{
    const double Noise = 0.002;

    const string Runs = """
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
        run d {
          peak_lr 2e-4
          train fineweb { warmup 500 steps stable 19500 steps }
          switch to kp { decay 5k steps to 1e-4 stable 5k steps }
        }

        """;

    /// <summary>The clean Fig. 3 curve of <paramref name="law"/> on each run every 400 steps, and
    /// a log of it with multiplicative Gaussian noise (seeded), as CSV.</summary>
    static Dictionary<string, (long[] Steps, double[] Clean, string Csv)> Logs(string law, int seed)
    {
        var truth = Compilation.Create(Runs + "law fineweb = paper.fig3.general\nlaw kp = paper.fig3.domain\n");
        Assert.False(truth.HasErrors);
        var random = new Random(seed);
        var logs = new Dictionary<string, (long[], double[], string)>();
        foreach (var plan in truth.Plans)
        {
            var predictor = new LossPredictor(plan, truth.Laws);
            int index = predictor.IndexOf(law);
            var steps = Enumerable.Range(1, (int)(plan.TotalSteps / 400)).Select(i => i * 400L).ToArray();
            var clean = steps.Select(s => predictor.LossAt(index, s).Value).ToArray();
            var csv = new StringBuilder("step,lr,eval/loss\n");
            for (int i = 0; i < steps.Length; i++)
            {
                double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                csv.Append(CultureInfo.InvariantCulture, $"{steps[i]},{plan.LearningRate(steps[i])},{clean[i] * (1 + Noise * gaussian)}\n");
            }
            logs[plan.Run] = (steps, clean, csv.ToString());
        }
        return logs;
    }

    [Theory]
    [InlineData("fineweb", 1)]
    [InlineData("kp", 2)]
    public void Held_out_run_is_predicted_within_the_noise(string law, int seed)
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("sweep.cpt", Runs);
        var logs = Logs(law, seed);
        var data = logs.SelectMany(l => new[] { "--data", $"{l.Key}={dir.File(l.Key + ".csv", l.Value.Csv)}:eval/loss" }).ToArray();
        var result = CliRunner.Run(["fit", cpt, "--law", law, .. data, "--holdout", "d", "--format", "json", "--write"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("eq4", json.GetProperty("form").GetString());
        var heldOut = json.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("heldout").GetBoolean());
        Assert.Equal("d", heldOut.GetProperty("run").GetString());

        // against the noisy log: about one noise level; against the clean curve: below it
        double sigma = Noise * logs["d"].Clean.Average();
        Assert.InRange(heldOut.GetProperty("rmse").GetDouble(), 0.7 * sigma, 1.3 * sigma);
        var fitted = Compilation.Create(File.ReadAllText(cpt));
        var plan = fitted.Plans.Single(p => p.Run == "d");
        var predictor = new LossPredictor(plan, fitted.Laws);
        var (steps, clean, _) = logs["d"];
        double rmse = Math.Sqrt(steps.Select((s, i) => Math.Pow(predictor.LossAt(predictor.IndexOf(law), s).Value - clean[i], 2)).Average());
        Assert.True(rmse < sigma, $"RMSE against the clean curve {rmse}, noise {sigma}");
    }
}
