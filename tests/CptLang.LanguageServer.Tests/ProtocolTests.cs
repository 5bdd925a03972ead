using System.Text.Json.Nodes;

namespace CptLang.LanguageServer.Tests;

/// <summary>
/// `cptc lsp` as a process, spoken to over its pipes: the lifecycle (initialize, shutdown, exit
/// with its exit code), diagnostics on open and change, and one request of every feature.
/// </summary>
public class ProtocolTests
{
    const string Uri = "file:///work/plan.cpt";

    static readonly string Paper = File.ReadAllText(Path.Combine(Repository.Examples, "paper-fineweb-to-knowledge-pile.cpt"));

    [Fact]
    public async Task InitializeAnnouncesEveryFeature()
    {
        await using var client = LspClient.StartProcess();
        var result = await client.Initialize();
        var capabilities = result!["capabilities"]!;
        Assert.Equal(2, capabilities["textDocumentSync"]!["change"]!.GetValue<int>());
        foreach (var feature in new[] { "hoverProvider", "inlayHintProvider", "completionProvider", "definitionProvider", "referencesProvider",
                     "renameProvider", "documentFormattingProvider", "documentRangeFormattingProvider", "codeActionProvider",
                     "semanticTokensProvider", "documentSymbolProvider" })
            Assert.NotNull(capabilities[feature]);
        Assert.Equal("cptc", result["serverInfo"]!["name"]!.GetValue<string>());
        Assert.Equal(0, await client.ShutdownAndExit());
    }

    [Fact]
    public async Task ExitWithoutShutdownExitsWithOne()
    {
        await using var client = LspClient.StartProcess();
        await client.Initialize();
        await client.Notify("exit", null);
        await client.Process!.WaitForExitAsync().WaitAsync(LspClient.Timeout);
        Assert.Equal(1, client.Process.ExitCode);
    }

    [Fact]
    public async Task DiagnosticsFollowOpenAndChanges()
    {
        await using var client = LspClient.StartProcess();
        await client.Initialize();
        await client.Open(Uri, Paper);
        Assert.Empty(client.Diagnostics(Uri, 1)["diagnostics"]!.AsArray());

        // an incremental change: "cosine" -> "cosin" on the line that has it
        var lines = Paper.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains("cosine"));
        int column = lines[line].IndexOf("cosine", StringComparison.Ordinal);
        await client.Change(Uri, 2, line, column + 5, line, column + 6, "");
        var diagnostics = client.Diagnostics(Uri, 2)["diagnostics"]!.AsArray();
        var d = Assert.Single(diagnostics)!;
        Assert.Equal("CPT2008", d["code"]!.GetValue<string>());
        Assert.Equal(1, d["severity"]!.GetValue<int>());
        Assert.Equal(line, d["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(column, d["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.StartsWith("unknown shape 'cosin'; did you mean 'cosine'?", d["message"]!.GetValue<string>());

        // the quick fix puts it back
        var actions = (await client.Request("textDocument/codeAction", new
        {
            textDocument = new { uri = Uri }, range = d["range"], context = new { diagnostics = new[] { d } },
        }))!.AsArray();
        var edit = actions[0]!["edit"]!["changes"]![Uri]![0]!;
        Assert.Equal("cosine", edit["newText"]!.GetValue<string>());

        await client.ChangeAll(Uri, Paper, 3);
        Assert.Empty(client.Diagnostics(Uri, 3)["diagnostics"]!.AsArray());
        Assert.Equal(0, await client.ShutdownAndExit());
    }

    [Fact]
    public async Task HoverCompletionFormattingAndTheRest()
    {
        await using var client = LspClient.StartProcess();
        await client.Initialize();
        await client.Open(Uri, Paper);
        client.Diagnostics(Uri, 1);
        var lines = Paper.Split('\n');
        int decay = Array.FindIndex(lines, l => l.TrimStart().StartsWith("decay 4k", StringComparison.Ordinal));

        var hover = (await client.Request("textDocument/hover", LspClient.At(Uri, decay, lines[decay].IndexOf('d') + 1)))!;
        string markdown = hover["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("steps 36,001–40,000", markdown);
        Assert.Contains("| fineweb | 3.19069 |", markdown);   // README: cptc predict at the switch
        Assert.Contains("| kp | 3.08641 |", markdown);

        var hints = (await client.Request("textDocument/inlayHint", new { textDocument = new { uri = Uri }, range = LspClient.Range(0, 0, lines.Length, 0) }))!.AsArray();
        Assert.Contains(hints, h => h!["label"]!.GetValue<string>() == "steps 36,001–40,000 · 16B tokens");

        // completion on a new line inside the switch stage: the phase keywords
        int switchLine = Array.FindIndex(lines, l => l.Contains("switch to"));
        var completion = (await client.Request("textDocument/completion", LspClient.At(Uri, switchLine + 1, 0)))!;
        var labels = completion["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();
        Assert.Contains("warmup", labels);
        Assert.Contains("replay", labels);

        var symbols = (await client.Request("textDocument/documentSymbol", new { textDocument = new { uri = Uri } }))!.AsArray();
        Assert.Contains(symbols, s => s!["name"]!.GetValue<string>() == "fineweb_to_kp");

        var tokens = (await client.Request("textDocument/semanticTokens/full", new { textDocument = new { uri = Uri } }))!["data"]!.AsArray();
        Assert.True(tokens.Count > 0 && tokens.Count % 5 == 0);

        // the example is formatted: nothing to change; a messy copy gets the cptc fmt layout
        Assert.Empty((await client.Request("textDocument/formatting", new { textDocument = new { uri = Uri }, options = new { tabSize = 2, insertSpaces = true } }))!.AsArray());
        string messy = "run   r {peak_lr 1e-4\ntrain a { stable 1k steps }}\n";
        await client.Open("file:///work/messy.cpt", messy);
        var edits = (await client.Request("textDocument/formatting", new { textDocument = new { uri = "file:///work/messy.cpt" }, options = new { tabSize = 2, insertSpaces = true } }))!.AsArray();
        Assert.Equal(Formatting.Formatter.Format(Syntax.SyntaxTree.Parse(messy)), Apply(messy, edits));

        Assert.Equal(0, await client.ShutdownAndExit());
    }

    [Fact]
    public async Task CancelledRequestsAndUnknownMethodsDoNotStopTheServer()
    {
        await using var client = LspClient.StartProcess();
        await client.Initialize();
        await client.Open(Uri, Paper);
        try { await client.RequestAndCancel("textDocument/hover", LspClient.At(Uri, 3, 3)); }
        catch (LspError e) { Assert.Equal(-32800, e.Code); }   // RequestCancelled, when it was in time
        var unknown = await Assert.ThrowsAsync<LspError>(() => client.Request("textDocument/unknownFeature", new { }));
        Assert.Equal(-32601, unknown.Code);
        await client.Notify("$/setTrace", new { value = "off" });
        Assert.NotNull(await client.Request("textDocument/hover", LspClient.At(Uri, 3, 3)) ?? new JsonObject());
        Assert.Equal(0, await client.ShutdownAndExit());
    }

    internal static string Apply(string text, JsonArray edits)
    {
        var source = Text.SourceText.From(text);
        foreach (var edit in edits.OrderByDescending(e => e!["range"]!["start"]!["line"]!.GetValue<int>()).ThenByDescending(e => e!["range"]!["start"]!["character"]!.GetValue<int>()))
        {
            int start = Offset(source, edit!["range"]!["start"]!), end = Offset(source, edit["range"]!["end"]!);
            text = text[..start] + edit["newText"]!.GetValue<string>() + text[end..];
        }
        return text;
    }

    static int Offset(Text.SourceText text, JsonNode position)
    {
        int line = position["line"]!.GetValue<int>();
        return line >= text.LineCount ? text.Length : text.GetLineStart(line) + position["character"]!.GetValue<int>();
    }
}
