using System.Text.Json;
using System.Text.Json.Nodes;

namespace CptLang.LanguageServer.Tests;

/// <summary>
/// The diagnostics the server publishes are those of `cptc check --format json`: same codes,
/// same spans (1-based line/column there, 0-based UTF-16 line/character here), same message with
/// its hint (`message; hint`, as the canonical text format prints it) — on every baseline case
/// and example, through one `cptc lsp` process.
/// </summary>
public class DiagnosticsParityTests
{
    [Fact]
    public async Task EveryBaselineAndExampleGetsTheDiagnosticsOfCptcCheck()
    {
        var files = Repository.BaselineFiles().Concat(Repository.ExampleFiles()).ToList();
        await using var client = LspClient.StartProcess();
        await client.Initialize();
        foreach (var file in files) await client.Open(Repository.Uri(file), ReadLikeCptc(file));
        var published = new Dictionary<string, JsonNode>();
        while (published.Count < files.Count)
        {
            var notification = client.WaitFor("textDocument/publishDiagnostics");
            published[notification["uri"]!.GetValue<string>()] = notification;
        }
        int compared = 0;
        foreach (var file in files)
        {
            var expected = Check(file);
            var actual = published[Repository.Uri(file)]["diagnostics"]!.AsArray()
                .Select(d => $"{d!["range"]!["start"]!["line"]!.GetValue<int>() + 1},{d["range"]!["start"]!["character"]!.GetValue<int>() + 1}"
                    + $"-{d["range"]!["end"]!["line"]!.GetValue<int>() + 1},{d["range"]!["end"]!["character"]!.GetValue<int>() + 1}"
                    + $" {(d["severity"]!.GetValue<int>() == 1 ? "error" : "warning")} {d["code"]} {d["message"]}  [{d["source"]}]")
                .ToList();
            Assert.True(expected.SequenceEqual(actual), $"{file}:\nexpected\n{string.Join("\n", expected)}\nactual\n{string.Join("\n", actual)}");
            compared += expected.Count;
        }
        Assert.True(compared > 100, $"only {compared} diagnostics compared");
        await client.ShutdownAndExit();
    }

    /// <summary>What the editor sends for a file cptc reads: UTF-8, BOM dropped.</summary>
    static string ReadLikeCptc(string path)
    {
        string text = new System.Text.UTF8Encoding(false, false).GetString(File.ReadAllBytes(path));
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    static List<string> Check(string path)
    {
        var output = new StringWriter();
        Cptc.Cli.Run(["check", "--format", "json", path], output, new StringWriter());
        using var json = JsonDocument.Parse(output.ToString());
        return [.. json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d =>
        {
            string message = d.GetProperty("message").GetString()!;
            string? hint = d.GetProperty("hint").GetString();
            string full = hint is null ? message : message + (message.EndsWith('?') ? " " : "; ") + hint;
            return $"{d.GetProperty("line")},{d.GetProperty("column")}-{d.GetProperty("endLine")},{d.GetProperty("endColumn")}"
                + $" {d.GetProperty("severity").GetString()} {d.GetProperty("code").GetString()} {full}  [cptc]";
        })];
    }
}
