using System.Globalization;
using CptLang;

namespace Cptc.Tests;

/// <summary><c>cptc fit --fit-lambda</c>: the lambda of one law chosen from the logs, and written
/// into its block (docs/laws.md §1).</summary>
public class FitLambdaTests
{
    const string Runs = """
        // two schedules of one model

        run cosine {
          peak_lr 2e-4
          train web { warmup 500 steps  decay 9500 steps to 0 cosine }
        }

        run wsd {
          peak_lr 2e-4
          train web { warmup 500 steps  stable 7k steps  decay 2.5k steps to 0 linear }
        }

        """;

    const string Law = "law web { L0 = 2.6  A = 0.43  alpha = 0.55  C = 0.41 }\n";

    /// <summary>The law's losses every 100 steps under <paramref name="lambda"/>, as <c>--data</c> per run.</summary>
    static string[] Logs(TempDirectory dir, double lambda) =>
        [.. SyntheticLogs.Write(dir, $"lambda {lambda.ToString(CultureInfo.InvariantCulture)}\n" + Runs + Law).Select(l => $"{l.Key}={l.Value}")];

    [Fact]
    public void The_lambda_the_logs_were_made_with_is_found_and_written_into_the_block()
    {
        using var dir = new TempDirectory();
        string[] logs = Logs(dir, 0.99);
        string cpt = dir.File("runs.cpt", Runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "eq1", "--data", logs[0], "--data", logs[1], "--fit-lambda", "--write", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        double lambda = System.Text.Json.JsonDocument.Parse(result.Out).RootElement.GetProperty("lambda").GetDouble();
        Assert.InRange(lambda, 0.985, 0.995);

        // the law states it; the schedule keeps its own
        string written = File.ReadAllText(cpt);
        Assert.Contains($"  lambda = {lambda.ToString(CultureInfo.InvariantCulture)}\n", written);
        var compiled = Compilation.Create(written);
        Assert.False(compiled.HasErrors);
        Assert.All(compiled.Plans, p => Assert.Equal(0.999, p.Settings.Lambda));
        var law = Assert.IsType<CptLang.Laws.Laws.ParametricLaw>(Assert.Single(compiled.Laws));
        Assert.Equal(lambda, law.Parameters.Lambda);

        // its bands are those of the same block under a schedule of that lambda
        string lambdaText = lambda.ToString(CultureInfo.InvariantCulture);
        string moved = dir.File("moved.cpt", $"lambda {lambdaText}\n" + written.Replace($"  lambda = {lambdaText}\n", "", StringComparison.Ordinal));
        foreach (var file in new[] { cpt, moved })
            Assert.Contains("uncertainty {", File.ReadAllText(file));
        string Band(string file) => CliRunner.Run("predict", file, "--run", "wsd", "--every", "1000", "--interval", "0.9", "--format", "csv").Out;
        Assert.Contains("web_lo", Band(cpt));
        Assert.Equal(Band(moved), Band(cpt));

        // a refit without --fit-lambda keeps the block's lambda and finds the same law
        var refit = CliRunner.Run(["fit", cpt, "--law", "web", "--data", logs[0], "--data", logs[1], "--write", "--replicates", "0"]);
        Assert.True(refit.ExitCode == 0, refit.Error);
        Assert.Contains($"  lambda = {lambda.ToString(CultureInfo.InvariantCulture)}\n", File.ReadAllText(cpt));
    }

    [Fact]
    public void A_law_with_its_own_lambda_predicts_as_a_file_with_that_lambda()
    {
        using var dir = new TempDirectory();
        const string own = "law web { L0 = 2.6  A = 0.43  alpha = 0.55  C = 0.41  lambda = 0.99 }\n";
        string lawLevel = dir.File("law.cpt", Runs + own);
        string fileLevel = dir.File("file.cpt", "lambda 0.99\n" + Runs + Law);
        string schedule = dir.File("schedule.cpt", Runs + Law);
        foreach (var run in new[] { "cosine", "wsd" })
        {
            var a = CliRunner.Run("predict", lawLevel, "--run", run, "--every", "250", "--format", "csv");
            var b = CliRunner.Run("predict", fileLevel, "--run", run, "--every", "250", "--format", "csv");
            var c = CliRunner.Run("predict", schedule, "--run", run, "--every", "250", "--format", "csv");
            Assert.True(a.ExitCode == 0, a.Error);
            Assert.Equal(b.Out, a.Out);
            Assert.NotEqual(c.Out, a.Out);
        }
        // the reports say which law sees which lambda
        Assert.Contains("settings: lambda 0.999 (law web 0.99), warmup_area peak", CliRunner.Run("predict", lawLevel, "--run", "wsd").Out);
        var json = System.Text.Json.JsonDocument.Parse(CliRunner.Run("predict", lawLevel, "--run", "wsd", "--format", "json").Out).RootElement;
        Assert.Equal(0.99, json.GetProperty("laws")[0].GetProperty("lambda").GetDouble());
        Assert.False(System.Text.Json.JsonDocument.Parse(CliRunner.Run("predict", schedule, "--run", "wsd", "--format", "json").Out)
            .RootElement.GetProperty("laws")[0].TryGetProperty("lambda", out _));
    }

    [Fact]
    public void Each_law_keeps_its_own_lambda()
    {
        // fitting one law's lambda with --write leaves every other law of the file as it was
        using var dir = new TempDirectory();
        string[] logs = Logs(dir, 0.99);
        const string other = "law ood { L0 = 2.7  A = 0.4  alpha = 0.5  C = 0.3 }\n";
        string cpt = dir.File("runs.cpt", Runs + other);
        string Ood() => string.Join("\n", CliRunner.Run("predict", cpt, "--run", "wsd", "--every", "500", "--format", "csv").Out
            .Split('\n').Select(l => string.Join(',', l.Split(',').Take(3))));
        string before = Ood();
        var written = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "eq1", "--data", logs[0], "--data", logs[1], "--fit-lambda", "--write", "--replicates", "0"]);
        Assert.True(written.ExitCode == 0, written.Error);
        Assert.Contains("the block states it (`lambda = 0.99", written.Out);
        Assert.Contains("law ood { L0 = 2.7  A = 0.4  alpha = 0.5  C = 0.3 }", File.ReadAllText(cpt));
        Assert.Equal(before, Ood());

        // the Multi-Power Law has no annealing area to set
        var mpl = CliRunner.Run(["fit", cpt, "--law", "mp", "--form", "mpl", "--data", logs[0], "--data", logs[1], "--fit-lambda", "--replicates", "0"]);
        Assert.Equal(2, mpl.ExitCode);
        Assert.Contains("--fit-lambda does not apply to the Multi-Power Law", mpl.Error);

        // runs of different lambda leave no baseline to compare the search with
        string mixed = dir.File("mixed.cpt", Runs.Replace("run wsd {\n  peak_lr 2e-4\n", "run wsd {\n  peak_lr 2e-4\n  lambda 0.99\n", StringComparison.Ordinal));
        Assert.Contains("lambda 0.99", File.ReadAllText(mixed));
        var different = CliRunner.Run(["fit", mixed, "--law", "web", "--form", "eq1", "--data", logs[0], "--data", logs[1], "--fit-lambda", "--replicates", "0"]);
        Assert.Equal(2, different.ExitCode);
        Assert.Contains("the runs given set different ones", different.Error);
    }

    [Fact]
    public void Lambda_is_a_setting_and_fix_says_where_it_goes()
    {
        using var dir = new TempDirectory();
        string[] logs = Logs(dir, 0.999);
        string cpt = dir.File("runs.cpt", Runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--data", logs[0], "--fix", "lambda=0.99"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("lambda is not fixed with --fix: it sets the annealing area the law sees, not a term of the law; write `lambda = 0.99` in the law's block (this law alone) or `lambda 0.99` in the .cpt file", result.Error);
        Assert.Contains("--fit-lambda", result.Error);
        var unknown = CliRunner.Run(["fit", cpt, "--law", "web", "--data", logs[0], "--fix", "zeta=1"]);
        Assert.Contains("an eq1 law has no parameter 'zeta'", unknown.Error);
    }
}
