using CptLang;
using CptLang.Formatting;
using CptLang.Laws.Laws;

namespace Cptc.Tests;

/// <summary><c>cptc optimize</c> end to end, in process: exit codes, files, and what a user reads.</summary>
public class OptimizeCommandTests
{
    static readonly string Example = Path.Combine(Repository.Examples, "optimize-fineweb-to-kp.cpt");
    static readonly string Snapshots = Path.Combine(Repository.TestsDirectory, "Baselines", "Optimize");

    const string SmallFile = """
        run r {
          peak_lr 2e-4
          train fineweb { stable 36k steps  decay 4k steps to 0 }
          switch to kp { warmup 1k steps to 2e-5  decay 9k steps to 0 cosine }
        }
        law fineweb = paper.fig3.general
        law kp = paper.fig3.domain

        """;

    [Fact]
    public void The_shipped_example_gets_a_recommendation()
    {
        var result = CliRunner.Run("optimize", Example);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        Assert.Contains("recommended", result.Out);
        BaselineFile.Check(Path.Combine(Snapshots, "optimize-fineweb-to-kp.table.txt"), result.Out);
    }

    [Fact]
    public void Csv_and_json_reports_of_the_shipped_example()
    {
        var json = CliRunner.Run("optimize", Example, "--format", "json", "--top", "3");
        Assert.Equal(0, json.ExitCode);
        using (var document = System.Text.Json.JsonDocument.Parse(json.Out))
            Assert.Equal("cptc.optimize/1", document.RootElement.GetProperty("format").GetString());
        BaselineFile.Check(Path.Combine(Snapshots, "optimize-fineweb-to-kp.json"), json.Out);
        var csv = CliRunner.Run("optimize", Example, "--format", "csv", "--top", "3");
        Assert.Equal(0, csv.ExitCode);
        BaselineFile.Check(Path.Combine(Snapshots, "optimize-fineweb-to-kp.csv"), csv.Out);
    }

    [Fact]
    public void Weights_on_the_command_line_and_the_turning_table()
    {
        var result = CliRunner.Run("optimize", Example, "--weights", "0.9,0.1", "--turning", "--top", "3");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("objective: minimise 0.9·fineweb + 0.1·kp", result.Out);
        Assert.Contains("turning length of fineweb", result.Out);
        BaselineFile.Check(Path.Combine(Snapshots, "optimize-fineweb-to-kp.weights-0.9.turning.txt"), result.Out);
    }

    [Fact]
    public void Emit_writes_a_run_that_compiles_clean_is_formatted_and_predicts_the_recommended_losses()
    {
        using var dir = new TempDirectory();
        string emitted = Path.Combine(dir.Path, "best.cpt");
        var json = CliRunner.Run("optimize", Example, "--emit", emitted, "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        using var document = System.Text.Json.JsonDocument.Parse(json.Out);
        var recommended = document.RootElement.GetProperty("recommended");

        string run = File.ReadAllText(emitted);
        var source = Compilation.Create(File.ReadAllText(Example), Example);
        var compilation = Compilation.Create(run + "\n" + string.Join("\n", source.Bound.Laws.Select(l => l.Syntax.ToFullString().Trim())) + "\n", "best.cpt");
        Assert.Empty(compilation.Diagnostics);
        Assert.Equal(run, Formatter.Format(Compilation.Create(run, "best.cpt").SyntaxTree));
        var plan = Assert.Single(compilation.Plans);
        Assert.Equal("fineweb_to_kp_optimized", plan.Run);
        var predictor = new LossPredictor(plan, compilation.Laws);
        Assert.Equal(recommended.GetProperty("generalLoss").GetDouble(), predictor.LossAt(predictor.IndexOf("fineweb"), plan.TotalSteps).Value, 1e-7);
        Assert.Equal(recommended.GetProperty("domainLoss").GetDouble(), predictor.LossAt(predictor.IndexOf("kp"), plan.TotalSteps).Value, 1e-7);
    }

    [Fact]
    public void Plot_writes_a_png()
    {
        using var dir = new TempDirectory();
        string png = Path.Combine(dir.Path, "front.png");
        var result = CliRunner.Run("optimize", Example, "--plot", png);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png).Take(4));
    }

    [Fact]
    public void No_feasible_candidate_lists_the_closest_and_exits_1()
    {
        using var dir = new TempDirectory();
        string file = dir.File("main.cpt", SmallFile + "sweep r {\n  cpt_peak_lr 1e-5 to 1e-4 step 1e-5\n  require fineweb <= 3.0\n}\n");
        var result = CliRunner.Run("optimize", file, "--top", "3");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("main.cpt(8,7): error CPT4301: none of the 10 candidates of the sweep of 'r' meets all its requirements", result.Error);
        Assert.Contains("no candidate meets every requirement; the closest ones:", result.Out);
        Assert.Contains("fineweb at the end ≤ 3", result.Out);
        BaselineFile.Check(Path.Combine(Snapshots, "infeasible.table.txt"), result.Out);
    }

    [Fact]
    public void More_than_ten_million_candidates_need_force()
    {
        using var dir = new TempDirectory();
        string file = dir.File("main.cpt", SmallFile + "sweep r {\n  cpt_peak_lr 1e-6 to 4e-4 step 1e-7\n  cpt_steps 1k to 4M step 1k\n}\n");
        var result = CliRunner.Run("optimize", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("main.cpt(8,7): error CPT2106: this sweep has 15,964,000 candidates; cptc optimize evaluates at most 10,000,000 without --force", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Every_candidate_outside_the_family_is_reported()
    {
        using var dir = new TempDirectory();
        string file = dir.File("main.cpt", SmallFile + "sweep r {\n  cpt_steps 500, 800\n  decay_fraction 90%\n}\n");
        var result = CliRunner.Run("optimize", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CPT4302: no candidate of the sweep of 'r' can be evaluated: a final decay of 450 steps and warmups of 1000 steps do not fit in 500 CPT steps", result.Error);
    }

    [Theory]
    [InlineData("0.3", "cptc: error CPT4305: --weights needs two numbers, λ1 (general loss) and λ2 (domain loss), e.g. --weights 0.3,0.7; got '0.3'")]
    [InlineData("0.3,0.8", "cptc: error CPT4305: --weights 0.3,0.8: the weights sum to 1.1, not 1; the two weights must be between 0 and 1 and sum to 1")]
    [InlineData("a,b", "cptc: error CPT4305: --weights needs two numbers")]
    [InlineData("-0.5,1.5", "cptc: error CPT4305: --weights -0.5,1.5: ")]
    public void Bad_weights_are_a_usage_error(string weights, string expected)
    {
        var result = CliRunner.Run("optimize", Example, "--weights", weights);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Weights_need_a_law_named_after_each_domain()
    {
        using var dir = new TempDirectory();
        string file = dir.File("main.cpt", SmallFile.Replace("law kp = paper.fig3.domain", "law code = paper.fig3.domain")
            + "sweep r {\n  cpt_peak_lr 1e-5, 2e-5\n  minimize fineweb\n}\n");
        Assert.Equal(0, CliRunner.Run("optimize", file, "--top", "1").ExitCode);
        var result = CliRunner.Run("optimize", file, "--weights", "0.5,0.5");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("cptc: error CPT4306: --weights needs laws named after both domains of run 'r' (fineweb, kp); write the objective as `minimize …` in the sweep instead\n",
            result.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void Top_out_of_range_is_a_usage_error(string top)
    {
        var result = CliRunner.Run("optimize", Example, "--top", top);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"cptc: error CPT4304: --top needs a number from 1 to 1000, not {top}; the default is 10\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_file_without_a_sweep_is_a_usage_error()
    {
        var result = CliRunner.Run("optimize", Path.Combine(Repository.Examples, "paper-fineweb-to-knowledge-pile.cpt"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error CPT4303:", result.Error);
        Assert.Contains("declares no sweep", result.Error);
    }

    [Fact]
    public void Errors_in_the_file_exit_1_before_anything_runs()
    {
        using var dir = new TempDirectory();
        string file = dir.File("main.cpt", SmallFile + "sweep r { cpt_peak_lr 1e-4 to 1e-5 step 1e-5 }\n");
        var result = CliRunner.Run("optimize", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CPT2101", result.Error);
        Assert.Equal("", result.Out);
    }
}
