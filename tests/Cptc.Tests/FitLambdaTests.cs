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
    public void Write_does_not_change_the_lambda_another_law_of_the_file_assumes()
    {
        // a second law fitted with --fit-lambda --write would move the file's lambda under the
        // first one, changing its predictions without a refit; the same law may be refitted
        using var dir = new TempDirectory();
        string[] logs = Logs(dir, 0.99);
        const string other = "law ood { L0 = 2.7  A = 0.4  alpha = 0.5  C = 0.3 }\n";
        const string multiPower = "law mp mpl { L0 = 2.5  A = 0.5  alpha = 0.5  B = 400  C = 2  beta = 0.6  gamma = 0.6 }\n";
        string cpt = dir.File("runs.cpt", Runs + other);
        string before = File.ReadAllText(cpt);
        var refused = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "eq1", "--data", logs[0], "--data", logs[1], "--fit-lambda", "--write", "--replicates", "0"]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--fit-lambda --write would set the file's lambda, which law 'ood' also assumes", refused.Error);
        Assert.Equal(before, File.ReadAllText(cpt));
        Assert.Equal("", refused.Out);

        // without --write the choice is reported; a law of the file that ignores lambda (the
        // Multi-Power Law) or the law being refitted do not stand in the way
        var shown = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "eq1", "--data", logs[0], "--data", logs[1], "--fit-lambda", "--replicates", "0"]);
        Assert.True(shown.ExitCode == 0, shown.Error);
        string alone = dir.File("alone.cpt", Runs + Law + multiPower);
        var written = CliRunner.Run(["fit", alone, "--law", "web", "--form", "eq1", "--data", logs[0], "--data", logs[1], "--fit-lambda", "--write", "--replicates", "0"]);
        Assert.True(written.ExitCode == 0, written.Error);
        Assert.Contains("// chosen by cptc fit --fit-lambda", File.ReadAllText(alone));
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
