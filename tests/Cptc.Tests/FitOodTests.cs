using System.Globalization;
using System.Text;
using System.Text.Json;
using CptLang;
using CptLang.Laws.Laws;

namespace Cptc.Tests;

/// <summary>Eq. 6: the weights of an out-of-domain set fitted to its logs, the summed laws being
/// the file's own; and, on the same switching runs, the B/beta trade-off warning.</summary>
public class FitOodTests
{
    const string File = """
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

        law fineweb = paper.fig3.general
        law kp = paper.fig3.domain
        law ood = 0.5 * fineweb + 0.5 * kp

        """;

    /// <summary>Logs of <c>k1·L_fineweb + k2·L_kp</c> with 0.1 % seeded noise.</summary>
    static Dictionary<string, string> Logs(double k1, double k2)
    {
        var compilation = Compilation.Create(File);
        Assert.False(compilation.HasErrors);
        var random = new Random(8);
        var logs = new Dictionary<string, string>();
        foreach (var plan in compilation.Plans)
        {
            var predictor = new LossPredictor(plan, compilation.Laws);
            var csv = new StringBuilder("step,loss\n");
            for (long s = 250; s <= plan.TotalSteps; s += 250)
            {
                double clean = k1 * predictor.LossAt(0, s).Value + k2 * predictor.LossAt(1, s).Value;
                csv.Append(CultureInfo.InvariantCulture, $"{s},{clean * (1 + 0.001 * (2 * random.NextDouble() - 1))}\n");
            }
            logs[plan.Run] = csv.ToString();
        }
        return logs;
    }

    [Theory]
    [InlineData(0.867, 0.152)]   // Fig. 9, C4
    [InlineData(1.409, -0.516)]  // Fig. 9, Stories
    public void Weights_are_recovered_and_written_as_a_sum(double k1, double k2)
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("ood.cpt", File);
        var data = Logs(k1, k2).SelectMany(l => new[] { "--data", $"{l.Key}={dir.File(l.Key + ".csv", l.Value)}" }).ToArray();
        var result = CliRunner.Run(["fit", cpt, "--law", "ood", .. data, "--holdout", "b", "--format", "json", "--write"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("weighted-sum", json.GetProperty("form").GetString());
        Assert.Equal(k1, json.GetProperty("params").GetProperty("fineweb").GetDouble(), 0.02);
        Assert.Equal(k2, json.GetProperty("params").GetProperty("kp").GetDouble(), 0.02);
        Assert.True(json.GetProperty("heldout").GetProperty("mape").GetDouble() < 0.2, "held-out run within the noise");

        var written = Compilation.Create(System.IO.File.ReadAllText(cpt));
        Assert.False(written.HasErrors);
        var sum = Assert.IsType<WeightedSumLaw>(written.Laws.Single(l => l.Name == "ood"));
        Assert.Equal(json.GetProperty("params").GetProperty("kp").GetDouble(), sum.Terms.Single(t => t.Law == "kp").Weight);
        // the block is in canonical layout (the rest of this file is not, and is kept as it is)
        string text = System.IO.File.ReadAllText(cpt);
        string formatted = CptLang.Formatting.Formatter.Format(CptLang.Syntax.SyntaxTree.Parse(text));
        string Line(string t) => t.Split('\n').Single(l => l.StartsWith("law ood", StringComparison.Ordinal));
        Assert.Equal(Line(formatted), Line(text));
        Assert.Equal(json.GetProperty("block").GetString()!.TrimEnd('\n'), Line(text));
        Assert.StartsWith(File[..File.IndexOf("law ood", StringComparison.Ordinal)], text);
    }

    [Fact]
    public void Small_beta_warns_that_only_B_times_beta_is_determined()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("ood.cpt", File);
        // the general set's own curve (weights 1 and 0), fitted with beta held small
        var data = Logs(1, 0).SelectMany(l => new[] { "--data", $"{l.Key}={dir.File(l.Key + ".csv", l.Value)}" }).ToArray();
        var result = CliRunner.Run(["fit", cpt, "--law", "fineweb", .. data, "--fix", "beta=0.001"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("warning CPT3102: law 'fineweb' fits beta = 0.001", result.Error);
        Assert.Contains("only the product B·beta", result.Error);
    }

    [Fact]
    public void A_model_size_does_not_apply_to_a_weighted_sum()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("ood.cpt", File);
        var data = Logs(0.5, 0.5).SelectMany(l => new[] { "--data", $"{l.Key}={dir.File(l.Key + ".csv", l.Value)}" }).ToArray();
        var result = CliRunner.Run(["fit", cpt, "--law", "ood", .. data, "--model-size", "a=106M"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cptc: error CPT4110: --model-size does not apply to a weighted sum (Eq. 6)", result.Error);
    }
}
