using System.Text;
using System.Text.Json.Nodes;

namespace CptLang.LanguageServer.Tests;

/// <summary>
/// A server crash on any input is a bug: the compiler's fuzz corpus (the baselines and examples,
/// mutated as tests/CptLang.Tests/RandomInputTests does, seeded, plus its pathological inputs) is
/// replayed through didChange — whole-text and incremental — and after each change every
/// feature is asked about a random position. The server must answer every request and publish
/// the final version's diagnostics.
/// </summary>
public class FuzzReplayTests
{
    const int Cases = 1500;

    static readonly string[] Fragments =
    [
        "run", "train", "switch", "to", "from", "at", "until", "warmup", "stable", "decay", "drop", "replay",
        "law", "pretrained", "sweep", "minimize", "require", "{", "}", "(", ")", "=", "+", "-", "*", "%", ".", "<=", "1-sqrt",
        "cosine", "polynomial(", "1e400", "99999999999999999999", "0", "-1", "2e-4", "36k", "4M", "40B", "steps", "tokens",
        "nan", "peak_lr", "tokens_per_step", "lambda", "L0 =", "beta", "N = 106", "paper.fig3.general", "//", "/*", "*/",
        "\n", "\r\n", "\r", "\t", " ", "\0", "\u00e9", "\ud83d", "\uFFFD", "@", "#", "\"",
    ];

    static readonly string[] Requests =
    [
        "textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references",
        "textDocument/prepareRename", "textDocument/rename", "textDocument/inlayHint", "textDocument/formatting",
        "textDocument/rangeFormatting", "textDocument/codeAction", "textDocument/semanticTokens/full", "textDocument/documentSymbol",
    ];

    [Fact]
    public async Task MutatedCorpusThroughDidChangeNeverBreaksTheServer()
    {
        var seeds = Repository.BaselineFiles().Concat(Repository.ExampleFiles()).Select(File.ReadAllText).ToList();
        var random = new Random(20261128);
        await using var client = LspClient.StartInProcess(out var server);
        await client.Initialize(new { diagnosticsDelay = 0 });
        const string uri = "file:///fuzz.cpt";
        string text = seeds[0];
        await client.Open(uri, text);
        int version = 1;
        for (int i = 0; i < Cases; i++)
        {
            version++;
            if (random.Next(3) == 0)
            {
                text = Mutate(seeds[random.Next(seeds.Count)], random);
                await client.ChangeAll(uri, text, version);
            }
            else
            {
                // an incremental edit at random positions of the current text
                var source = Text.SourceText.From(text);
                int a = random.Next(text.Length + 1), b = Math.Min(text.Length, a + random.Next(8));
                string insert = Fragments[random.Next(Fragments.Length)];
                var (start, end) = (Position(source, a), Position(source, b));
                await client.Change(uri, version, start.Line, start.Character, end.Line, end.Character, insert);
                text = text[..a] + insert + text[b..];
            }
            var at = Position(Text.SourceText.From(text), random.Next(text.Length + 1));
            string method = Requests[random.Next(Requests.Length)];
            await client.Request(method, Parameters(method, uri, at.Line, at.Character));
        }
        foreach (var (name, pathological) in Pathological())
        {
            version++;
            await client.ChangeAll(uri, pathological, version);
            foreach (var method in Requests) await client.Request(method, Parameters(method, uri, 0, 1));
        }
        // the server is alive and its text is the client's: a last change gets its diagnostics
        version++;
        await client.ChangeAll(uri, seeds[0], version);
        client.Diagnostics(uri, version);
        await client.ShutdownAndExit();
        Assert.Equal(0, await server.WaitAsync(LspClient.Timeout));
    }

    static (int Line, int Character) Position(Text.SourceText text, int offset)
    {
        int line = text.GetLineIndex(offset);
        return (line, offset - text.GetLineStart(line));
    }

    static object Parameters(string method, string uri, int line, int character)
    {
        var document = new { uri };
        var position = new { line, character };
        var range = LspClient.Range(0, 0, line + 1, 0);
        return method switch
        {
            "textDocument/references" => new { textDocument = document, position, context = new { includeDeclaration = true } },
            "textDocument/rename" => new { textDocument = document, position, newName = "renamed" },
            "textDocument/inlayHint" => new { textDocument = document, range },
            "textDocument/formatting" => new { textDocument = document, options = new { tabSize = 2, insertSpaces = true } },
            "textDocument/rangeFormatting" => new { textDocument = document, range, options = new { tabSize = 2, insertSpaces = true } },
            "textDocument/codeAction" => new { textDocument = document, range, context = new { diagnostics = Array.Empty<object>() } },
            "textDocument/semanticTokens/full" or "textDocument/documentSymbol" => new { textDocument = document },
            _ => new { textDocument = document, position },
        };
    }

    static IEnumerable<(string, string)> Pathological() =>
    [
        ("empty", ""),
        ("unterminated comment", "/* run x {"),
        ("braces", new string('{', 20_000)),
        ("nul bytes", "run x {\0\0\0}"),
        ("lone surrogates", "run \ud800 x { peak_lr 1e-4 }\udfff"),
        ("huge numbers", "run x { peak_lr 1e400 train a { stable 1e400 steps decay 99999999999999999999999 steps to 0 } }"),
        ("past 2^63", "run x { peak_lr 1e-4 train a { stable 9223372036854775808 steps stable until 18446744073709551616 } }"),
        ("many runs", string.Concat(Enumerable.Repeat("run r { peak_lr 1e-4 train a { stable 1 steps } }\n", 500))),
        ("keywords only", string.Join(" ", Enumerable.Repeat("run train switch to law decay", 500))),
        ("crlf and cr", "run x {\r\n peak_lr 1e-4\r train a {\r\n stable 1k steps }\r}\r\n"),
    ];

    static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0: text.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                case 1: if (at < text.Length) text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(10))); break;
                case 2: if (at < text.Length) text[at] = (char)random.Next(0x20, 0x7f); break;
                default:
                    int from = random.Next(text.Length + 1), length = Math.Min(text.Length - from, random.Next(40));
                    text.Insert(at, text.ToString(from, length));
                    break;
            }
        }
        return text.ToString();
    }
}
