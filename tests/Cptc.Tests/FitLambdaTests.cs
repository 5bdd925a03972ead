using System.Globalization;
using CptLang;

namespace Cptc.Tests;

/// <summary><c>cptc fit --fit-lambda</c>: the schedule's lambda chosen from the logs, and written
/// into the file with the block.</summary>
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
    public void The_lambda_the_logs_were_made_with_is_found_and_written()
    {
        using var dir = new TempDirectory();
        string[] logs = Logs(dir, 0.99);
        string cpt = dir.File("runs.cpt", Runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "eq1", "--data", logs[0], "--data", logs[1], "--fit-lambda", "--write", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        double lambda = System.Text.Json.JsonDocument.Parse(result.Out).RootElement.GetProperty("lambda").GetDouble();
        Assert.InRange(lambda, 0.985, 0.995);

        string written = File.ReadAllText(cpt);
        Assert.Contains($"lambda {lambda.ToString(CultureInfo.InvariantCulture)}  // chosen by cptc fit --fit-lambda", written);
        Assert.StartsWith("// two schedules of one model\n\nlambda ", written);
        var compiled = Compilation.Create(written);
        Assert.False(compiled.HasErrors);
        Assert.All(compiled.Plans, p => Assert.Equal(lambda, p.Settings.Lambda));
    }

    [Fact]
    public void Lambda_is_a_setting_and_fix_says_where_it_goes()
    {
        using var dir = new TempDirectory();
        string[] logs = Logs(dir, 0.999);
        string cpt = dir.File("runs.cpt", Runs);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--data", logs[0], "--fix", "lambda=0.99"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("lambda is a setting of the schedule, not a parameter of the law; write `lambda 0.99` in the .cpt file", result.Error);
        Assert.Contains("--fit-lambda", result.Error);
        var unknown = CliRunner.Run(["fit", cpt, "--law", "web", "--data", logs[0], "--fix", "zeta=1"]);
        Assert.Contains("an eq1 law has no parameter 'zeta'", unknown.Error);
    }
}
