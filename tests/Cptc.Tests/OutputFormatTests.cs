using CptLang.Export;

namespace Cptc.Tests;

/// <summary>--format and --target words parse once into enums; the words a user types are unchanged.</summary>
public class OutputFormatTests
{
    const string File = """
        run r { peak_lr 1e-4 train web { stable 100 steps } }
        law web { L0 = 3 A = 0.5 alpha = 0.5 C = 0.3 }
        """;

    [Fact]
    public void Report_and_text_words_map_onto_their_enums()
    {
        var report = OutputFormats.Report("d");
        Assert.Equal(ReportFormat.Table, report.Parse("table"));
        Assert.Equal(ReportFormat.Csv, report.Parse("csv"));
        Assert.Equal(ReportFormat.Json, report.Parse("json"));
        Assert.Throws<ArgumentOutOfRangeException>(() => report.Parse("Table"));
        var text = OutputFormats.Text("d");
        Assert.Equal(TextFormat.Text, text.Parse("text"));
        Assert.Equal(TextFormat.Json, text.Parse("json"));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.Parse("csv"));
    }

    [Theory]
    [InlineData("predict", "xml", "'table', 'csv', 'json'")]
    [InlineData("optimize", "text", "'table', 'csv', 'json'")]
    [InlineData("check", "csv", "'text', 'json'")]
    [InlineData("fit", "table", "'text', 'json'")]
    public void Other_words_are_refused_by_the_parser_with_the_list(string command, string refused, string words)
    {
        string[] required = command == "fit" ? ["--law", "x", "--data", "r=log.csv"] : [];
        var result = CliRunner.Run([command, "x.cpt", "--format", refused, .. required]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{refused}'", result.Error);
        Assert.Contains(words, result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Formats_choose_the_report()
    {
        using var dir = new TempDirectory();
        string path = dir.File("r.cpt", File);
        Assert.StartsWith("step,lr,web", CliRunner.Run("predict", path, "--format", "csv").Out);
        Assert.StartsWith("{", CliRunner.Run("predict", path, "--format", "json").Out);
        Assert.Contains("what happens", CliRunner.Run("predict", path).Out);
        Assert.StartsWith("{", CliRunner.Run("check", path, "--format", "json").Out);
        Assert.Equal("", CliRunner.Run("check", path).Out);
    }

    [Fact]
    public void Export_targets_parse_both_ways()
    {
        Assert.Equal(["csv", "json", "npy", "hf", "megatron", "torchtitan"], ExportTargets.Names);
        foreach (var target in Enum.GetValues<ExportTarget>())
        {
            Assert.True(ExportTargets.TryParse(target.Name(), out var parsed));
            Assert.Equal(target, parsed);
        }
        Assert.False(ExportTargets.TryParse("HF", out _));
        Assert.Equal([ExportTarget.Hf, ExportTarget.Megatron, ExportTarget.Torchtitan], Enum.GetValues<ExportTarget>().Where(t => t.IsFramework()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ExportTarget)99).Name());
    }
}
