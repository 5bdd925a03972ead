using Xunit.Abstractions;

namespace CptLang.LanguageServer.Tests;

/// <summary>Memory stays flat over 1,000 consecutive edits of a 1,000-line file (issue 13):
/// old versions, their compilations and pending diagnostics passes are released.</summary>
public class MemoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MemoryIsFlatOverAThousandEdits()
    {
        string text = File.ReadAllText(Path.Combine(Repository.Examples, "paper-fineweb-to-knowledge-pile.cpt"));
        text = string.Concat(Enumerable.Repeat(text, 1000 / text.Split('\n').Length + 1)).Replace("run fineweb_to_kp", "run r");
        await using var client = LspClient.StartInProcess(out var server);
        await client.Initialize(new { diagnosticsDelay = 0 });
        const string uri = "file:///memory.cpt";
        await client.Open(uri, text);
        long after100 = 0;
        for (int version = 2; version <= 1001; version++)
        {
            // type a character on line 9 and take it back, alternately; ask for a hover each time
            if (version % 2 == 0) await client.Change(uri, version, 9, 0, 9, 0, " ");
            else await client.Change(uri, version, 9, 0, 9, 1, "");
            await client.Request("textDocument/hover", LspClient.At(uri, 13, 6));
            if (version == 101)
            {
                client.Diagnostics(uri, version);
                after100 = Settle();
            }
        }
        client.Diagnostics(uri, 1001);
        long after1000 = Settle();
        output.WriteLine($"managed memory after 100 edits: {after100 / 1024} KiB, after 1,000: {after1000 / 1024} KiB");
        Assert.True(after1000 < after100 + (8 << 20), $"memory grew from {after100 / 1024} KiB to {after1000 / 1024} KiB over 900 edits");
        await client.ShutdownAndExit();
        await server;
    }

    static long Settle()
    {
        for (int i = 0; i < 3; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
