using System.Globalization;
using System.Text;
using System.Text.Json;
using CptLang;
using CptLang.Laws.Laws;

namespace Cptc.Tests;

/// <summary>`cptc fit` as a user meets it: log formats, --write, --fix, held-out runs, warnings,
/// and every way it can be misused.</summary>
public class FitCommandTests
{
    static (string Cpt, string Csv) Demo(TempDirectory dir) =>
        (dir.File("demo.cpt", FitDemoTests.DemoCpt), dir.File("demo.csv", FitDemoTests.DemoCsv));

    static string[] DemoData(string csv) => ["--data", $"cosine={csv}:cosine", "--data", $"constant={csv}:constant"];

    static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    /// <summary>The demo's columns rewritten as one log per run in another format.</summary>
    static IEnumerable<(long Step, double Loss)> Column(int column) => FitDemoTests.DemoCsv.Trim().Split('\n').Skip(1)
        .Select(l => l.Split(',')).Select(c => (long.Parse(c[0], CultureInfo.InvariantCulture), double.Parse(c[column], CultureInfo.InvariantCulture)));

    [Fact]
    public void Tsv_and_json_lines_logs_give_the_same_fit_as_csv()
    {
        using var dir = new TempDirectory();
        var (cpt, csv) = Demo(dir);
        string tsv = dir.File("cosine.tsv", "step\tval/loss\textra\n" + string.Concat(Column(1).Select(r => $"{r.Step}\t{r.Loss.ToString(CultureInfo.InvariantCulture)}\tx\n")));
        string jsonl = dir.File("constant.jsonl", string.Concat(Column(2).Select(r =>
            $"{{\"step\": {r.Step}, \"train/loss\": 9.9}}\n{{\"step\": {r.Step}, \"val/loss\": {r.Loss.ToString(CultureInfo.InvariantCulture)}}}\n")));
        var fromCsv = Json(CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--format", "json"]));
        var mixed = Json(CliRunner.Run("fit", cpt, "--law", "web", "--data", $"cosine={tsv}", "--data", $"constant={jsonl}", "--loss-column", "val/loss", "--format", "json"));
        Assert.Equal(fromCsv.GetProperty("objective").GetDouble(), mixed.GetProperty("objective").GetDouble(), 1e-15);
        Assert.Equal(40, mixed.GetProperty("points").GetInt32());
    }

    [Fact]
    public void Write_replaces_only_the_law_block_and_keeps_every_other_byte()
    {
        using var dir = new TempDirectory();
        var (_, csv) = Demo(dir);
        string before = FitDemoTests.DemoCpt + "law web = paper.fig3.general // to be refitted\n\n// a trailing comment\nlaw other { L0 = 1 A = 1 alpha = 0.5 C = 0.1 }\n";
        string cpt = dir.File("demo.cpt", before);
        var fit = Json(CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--format", "json", "--form", "eq1", "--write"]));
        string after = File.ReadAllText(cpt);
        int start = before.IndexOf("law web", StringComparison.Ordinal), end = start + "law web = paper.fig3.general".Length;
        Assert.Equal(before[..start], after[..start]);
        Assert.EndsWith(before[end..], after);
        Assert.Equal(fit.GetProperty("block").GetString()!.TrimEnd('\n'), after[start..^(before.Length - end)]);
        var compiled = Compilation.Create(after);
        Assert.False(compiled.HasErrors);
        var law = Assert.IsType<ParametricLaw>(compiled.Laws.Single(l => l.Name == "web"));
        Assert.Equal(fit.GetProperty("params").GetProperty("alpha").GetDouble(), law.Parameters["alpha"]);
    }

    [Fact]
    public void Write_appends_a_new_law_and_the_file_stays_fmt_clean()
    {
        using var dir = new TempDirectory();
        var (cpt, csv) = Demo(dir);
        Assert.Equal(0, CliRunner.Run("fmt", "--check", cpt).ExitCode);
        var fit = CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--write", "-o", Path.Combine(dir.Path, "report.txt")]);
        Assert.Equal(0, fit.ExitCode);
        Assert.Equal("", fit.Out);
        Assert.StartsWith("law web {", File.ReadAllText(Path.Combine(dir.Path, "report.txt")));
        string after = File.ReadAllText(cpt);
        Assert.StartsWith(FitDemoTests.DemoCpt, after);
        Assert.Equal(0, CliRunner.Run("fmt", "--check", cpt).ExitCode);
        Assert.Equal(0, CliRunner.Run("check", cpt).ExitCode);
        Assert.Equal(["demo.cpt", "demo.csv", "report.txt"], dir.Files());
    }

    [Fact]
    public void Plot_is_a_png_and_is_not_written_when_a_log_is_bad()
    {
        using var dir = new TempDirectory();
        var (cpt, csv) = Demo(dir);
        string png = Path.Combine(dir.Path, "fit.png");
        Assert.Equal(0, CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--holdout", "constant", "--plot", png]).ExitCode);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 10_000);

        File.Delete(png);
        string bad = dir.File("bad.csv", "step,loss\n1000,-3\n");
        Assert.Equal(1, CliRunner.Run("fit", cpt, "--law", "web", "--data", $"cosine={bad}", "--plot", png).ExitCode);
        Assert.False(File.Exists(png));
    }

    [Fact]
    public void Write_keeps_crlf_line_breaks()
    {
        using var dir = new TempDirectory();
        var (_, csv) = Demo(dir);
        string cpt = dir.File("crlf.cpt", (FitDemoTests.DemoCpt + "law web = paper.fig3.general\n").ReplaceLineEndings("\r\n"));
        Assert.Equal(0, CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--form", "eq1", "--write"]).ExitCode);
        string after = File.ReadAllText(cpt);
        Assert.DoesNotContain("\n", after.Replace("\r\n", ""));
        Assert.Contains("law web {\r\n  L0 = ", after);
    }

    [Fact]
    public void Fixed_parameter_is_kept_and_the_others_refitted()
    {
        using var dir = new TempDirectory();
        var (cpt, csv) = Demo(dir);
        var json = Json(CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--fix", "alpha=0.5", "--format", "json"]));
        Assert.Equal(0.5, json.GetProperty("params").GetProperty("alpha").GetDouble());
        Assert.Equal(3, json.GetProperty("fittedParameters").GetInt32());
        Assert.True(json.GetProperty("objective").GetDouble() > 1.6243e-5, "fixing alpha away from its optimum costs objective");
    }

    [Fact]
    public void Eq4_on_runs_without_a_switch_warns_that_the_shift_is_not_identifiable()
    {
        using var dir = new TempDirectory();
        var (cpt, csv) = Demo(dir);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--form", "eq4"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning CPT3102: no observation of law 'web' depends on C2, B, E, beta", result.Error);
    }

    [Fact]
    public void Fewer_points_than_parameters_warns()
    {
        using var dir = new TempDirectory();
        var (cpt, _) = Demo(dir);
        string log = dir.File("few.csv", "step,loss\n1000,3.67\n10000,2.92\n20000,2.84\n");
        var result = CliRunner.Run("fit", cpt, "--law", "web", "--data", $"cosine={log}");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning CPT3103: law 'web' is fitted with 4 free parameters to only 3 points", result.Error);
    }

    [Fact]
    public void Model_size_law_needs_the_runs_model_sizes()
    {
        using var dir = new TempDirectory();
        var (_, csv) = Demo(dir);
        string cpt = dir.File("size.cpt", FitDemoTests.DemoCpt + "law web = paper.fig15.general { N = 106M }\n");
        var result = CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv)]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cptc: error CPT4110: the model-size form (Eq. 7) needs the model size of run", result.Error);
    }

    [Fact]
    public void Open_form_on_a_run_with_known_pretraining_is_an_error()
    {
        using var dir = new TempDirectory();
        var (cpt, csv) = Demo(dir);
        var result = CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--form", "open"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CPT3009", result.Error);
    }

    [Theory]
    [InlineData("--data", "cosine", "CPT4110")]
    [InlineData("--data", "nosuchrun=x.csv", "CPT4003")]
    [InlineData("--data", "cosine=missing.csv", "CPT4001")]
    [InlineData("--fix", "gamma=1", "CPT4110")]
    [InlineData("--fix", "alpha", "CPT4110")]
    [InlineData("--fix", "alpha=11", "CPT4110")]
    [InlineData("--holdout", "constant", "CPT4110")]
    [InlineData("--holdout", "cosine", "CPT4110")]
    [InlineData("--form", "size", "CPT4110")]
    [InlineData("--law", "run", "CPT4110")]
    public void Usage_mistakes_exit_2_with_one_line(string option, string value, string code)
    {
        using var dir = new TempDirectory();
        var (cpt, csv) = Demo(dir);
        string[] data = option == "--data" ? [] : ["--data", $"cosine={csv}:cosine"];
        string[] law = option == "--law" ? [] : ["--law", "web"];
        var result = CliRunner.Run(["fit", cpt, .. law, .. data, option, option == "--data" && value.Contains('=') && !value.StartsWith("nosuch") ? value.Replace("missing.csv", Path.Combine(dir.Path, "missing.csv")) : value]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith($"cptc: error {code}: ", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void The_same_run_twice_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var (cpt, csv) = Demo(dir);
        var result = CliRunner.Run("fit", cpt, "--law", "web", "--data", $"cosine={csv}:cosine", "--data", $"cosine={csv}:constant");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CPT4110", result.Error);
    }

    [Fact]
    public void Errors_in_the_cpt_file_stop_before_any_log_is_read()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("bad.cpt", "run r { train web { stable 10 steps } }\n");
        var result = CliRunner.Run("fit", cpt, "--law", "web", "--data", "r=nothing.csv");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CPT1013", result.Error);
        Assert.DoesNotContain("nothing.csv", result.Error);
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        using var dir = new TempDirectory();
        var (cpt, csv) = Demo(dir);
        var a = CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--format", "json"]);
        var b = CliRunner.Run(["fit", cpt, "--law", "web", .. DemoData(csv), "--format", "json"]);
        Assert.Equal(a.Out, b.Out);
    }
}

public class DataSpecTests
{
    [Theory]
    [InlineData("a=logs/a.csv", "a", "logs/a.csv", null)]
    [InlineData("a=logs/a.csv:val_loss", "a", "logs/a.csv", "val_loss")]
    [InlineData("a=logs/a.csv:eval/loss", "a", "logs/a.csv", "eval/loss")]
    [InlineData("a=C:\\logs\\a.csv", "a", "C:\\logs\\a.csv", null)]
    [InlineData("a=C:\\logs\\a.csv:loss", "a", "C:\\logs\\a.csv", "loss")]
    public void Log_and_column(string text, string run, string path, string? column)
    {
        var existing = new HashSet<string> { "C:\\logs\\a.csv" };
        Assert.Equal(new Cptc.Fit.DataSpec(run, path, column), Cptc.Fit.DataSpec.Parse(text, existing.Contains));
    }
}

/// <summary>`fit --write` never leaves a file that does not compile.</summary>
public class FitWriteIntoMixedFileTests
{
    [Fact]
    public void An_eq4_block_goes_into_a_file_with_a_replay_run_which_keeps_compiling()
    {
        using var dir = new TempDirectory();
        // a second run replays its pre-training data: the Eq. 4 law cannot predict it, which is a
        // warning for the file (CPT3016) and an error only where that run is predicted
        string before = FitDemoTests.DemoCpt + """
            run replayed {
              peak_lr 2e-4
              train web { stable 1000 steps }
              switch to code { replay web 25%  stable 1000 steps }
            }

            """;
        string cpt = dir.File("demo.cpt", before), csv = dir.File("demo.csv", FitDemoTests.DemoCsv);
        var result = CliRunner.Run("fit", cpt, "--law", "web", "--form", "eq4", "--data", $"cosine={csv}:cosine", "--write");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain("internal error", result.Error);
        var after = Compilation.Create(File.ReadAllText(cpt));
        Assert.False(after.HasErrors);
        Assert.Contains(after.Diagnostics, d => d.Code == "CPT3016" && d.Run == "replayed");
        Assert.Equal(1, CliRunner.Run("predict", cpt, "--run", "replayed").ExitCode);
        Assert.Equal(0, CliRunner.Run("predict", cpt, "--run", "cosine").ExitCode);
    }

    [Fact]
    public void Fitting_a_non_replay_form_to_a_replay_run_is_refused_before_the_fit()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("demo.cpt", """
            run replayed {
              peak_lr 2e-4
              train web { stable 1000 steps }
              switch to code { replay web 25%  stable 1000 steps }
            }
            """);
        string csv = dir.File("log.csv", "step,loss\n500,3\n1500,2.9\n");
        var result = CliRunner.Run("fit", cpt, "--law", "web", "--form", "eq4", "--data", $"replayed={csv}");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CPT3007: run 'replayed' replays 25% of its pre-training data, but law 'web' has no replay parameters", result.Error);
        Assert.Equal("", result.Out);
    }
}
