using System.IO.Pipelines;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CptLang.LanguageServer;
using StreamJsonRpc;

namespace CptLang.Benchmarks;

/// <summary>
/// Issue 13 targets, on the 1,000-line file of <see cref="CheckBenchmarks"/>, through the real
/// protocol (an in-process `cptc lsp` over pipes, LSP framing, JSON): diagnostics published
/// within 50 ms of a change (the 15 ms debounce included), hover and completion within 20 ms.
/// </summary>
[MemoryDiagnoser]
public class LspBenchmarks
{
    const string Uri = "file:///bench/sweep.cpt";
    JsonRpc _client = null!;
    Task<int> _server = null!;
    string _text = "";
    int _version = 1;
    int _phaseLine, _blankLine;
    TaskCompletionSource _published = new();

    [GlobalSetup]
    public void Setup()
    {
        _text = CheckBenchmarks.ThousandLineFile();
        var lines = _text.Split('\n');
        _phaseLine = Array.FindIndex(lines, l => l.Contains("decay 4k steps to 1%"));
        _blankLine = Array.FindIndex(lines, l => l.Contains("stable 20B tokens"));
        var toServer = new Pipe();
        var fromServer = new Pipe();
        _server = Task.Run(() => LanguageServerHost.RunAsync(toServer.Reader.AsStream(), fromServer.Writer.AsStream(), TextWriter.Null));
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        _client = new JsonRpc(new HeaderDelimitedMessageHandler(toServer.Writer.AsStream(), fromServer.Reader.AsStream(), formatter));
        _client.AddLocalRpcTarget(new Receiver(this));
        _client.StartListening();
        _client.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { capabilities = new { } }).GetAwaiter().GetResult();
        _client.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri = Uri, languageId = "cpt", version = 1, text = _text } }).GetAwaiter().GetResult();
        _published.Task.GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.InvokeAsync<object?>("shutdown").GetAwaiter().GetResult();
        _client.NotifyAsync("exit").GetAwaiter().GetResult();
        _server.GetAwaiter().GetResult();
        _client.Dispose();
    }

    sealed class Receiver(LspBenchmarks owner)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void Publish(JsonElement p)
        {
            if (p.TryGetProperty("version", out var v) && v.GetInt32() == owner._version) owner._published.TrySetResult();
        }
    }

    /// <summary>One keystroke (a digit of a run's peak LR changes) until its diagnostics arrive.</summary>
    [Benchmark]
    public async Task DiagnosticsAfterChange()
    {
        _published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _version++;
        string digit = (_version % 2 == 0) ? "3" : "2";
        await _client.NotifyWithParameterObjectAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri, version = _version },
            contentChanges = new[] { new { range = new { start = new { line = 4, character = 10 }, end = new { line = 4, character = 11 } }, text = digit } },
        });
        await _published.Task;
    }

    /// <summary>Hover on a CPT decay: steps, LRs and both laws' losses at its end.</summary>
    [Benchmark]
    public Task<JsonElement> Hover() =>
        _client.InvokeWithParameterObjectAsync<JsonElement>("textDocument/hover", new { textDocument = new { uri = Uri }, position = new { line = _phaseLine, character = 6 } });

    /// <summary>Completion at the start of a line in a stage.</summary>
    [Benchmark]
    public Task<JsonElement> Completion() =>
        _client.InvokeWithParameterObjectAsync<JsonElement>("textDocument/completion", new { textDocument = new { uri = Uri }, position = new { line = _blankLine, character = 4 } });
}
