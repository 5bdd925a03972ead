namespace Cptc.Tests;

/// <summary>`cptc predict` on every shipped example, locked down as reviewed snapshots
/// (Baselines/Predict; accept changes with CPTC_ACCEPT_BASELINES=1).</summary>
public class PredictSnapshotTests
{
    static readonly string Baselines = Path.Combine(Repository.TestsDirectory, "Baselines", "Predict");

    public static TheoryData<string, string> ExampleRuns()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Repository.Examples, "*.cpt").Order(StringComparer.Ordinal))
        {
            var compilation = CptLang.Compilation.Create(File.ReadAllText(file), file);
            foreach (var plan in compilation.Plans) data.Add(Path.GetFileName(file), plan.Run);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleRuns))]
    public void Table(string example, string run)
    {
        var result = CliRunner.Run("predict", Path.Combine(Repository.Examples, example), "--run", run);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        BaselineFile.Check(Path.Combine(Baselines, $"{Path.GetFileNameWithoutExtension(example)}.{run}.table.txt"), result.Out);
    }

    [Fact]
    public void JsonAndCsvOfThePaperExample()
    {
        string example = Path.Combine(Repository.Examples, "paper-fineweb-to-knowledge-pile.cpt");
        var json = CliRunner.Run("predict", example, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        BaselineFile.Check(Path.Combine(Baselines, "paper-fineweb-to-knowledge-pile.json"), json.Out);
        var csv = CliRunner.Run("predict", example, "--format", "csv", "--every", "2500");
        Assert.Equal(0, csv.ExitCode);
        BaselineFile.Check(Path.Combine(Baselines, "paper-fineweb-to-knowledge-pile.every2500.csv"), csv.Out);
    }
}
