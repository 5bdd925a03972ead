using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CptLang.LanguageServer.Tests;

/// <summary>
/// A minimal LSP client written against the protocol, not the server's code: Content-Length
/// frames of JSON-RPC over a pair of streams — the pipes of a <c>cptc lsp</c> process, or an
/// in-process server. Responses are matched by id; notifications are queued by method.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    readonly Stream _input;
    readonly Stream _output;
    readonly Process? _process;
    readonly Task _reader;
    readonly SemaphoreSlim _writeLock = new(1, 1);
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    readonly ConcurrentDictionary<string, BlockingCollection<JsonNode>> _notifications = new();
    int _nextId;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    LspClient(Stream toServer, Stream fromServer, Process? process)
    {
        _input = toServer;
        _output = fromServer;
        _process = process;
        _reader = Task.Run(ReadLoop);
    }

    public StringBuilder Stderr { get; } = new();

    /// <summary>Starts <c>dotnet cptc.dll lsp</c>.</summary>
    public static LspClient StartProcess()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.CptcDll);
        start.ArgumentList.Add("lsp");
        var process = Process.Start(start)!;
        var client = new LspClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, process);
        process.ErrorDataReceived += (_, e) => { lock (client.Stderr) client.Stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        return client;
    }

    /// <summary>A server in this process, over in-memory pipes (same framing, same JSON).</summary>
    public static LspClient StartInProcess(out Task<int> server)
    {
        var toServer = new System.IO.Pipelines.Pipe();
        var fromServer = new System.IO.Pipelines.Pipe();
        server = Task.Run(() => LanguageServerHost.RunAsync(toServer.Reader.AsStream(), fromServer.Writer.AsStream(), TextWriter.Null));
        return new LspClient(toServer.Writer.AsStream(), fromServer.Reader.AsStream(), null);
    }

    public Process? Process => _process;

    public async Task<JsonNode?> Request(string method, object? parameters, CancellationToken cancellation = default)
    {
        int id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = ToNode(parameters) });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        var message = await response.Task.WaitAsync(timeout.Token);
        if (message?["error"] is { } error) throw new LspError(error["code"]!.GetValue<int>(), error["message"]?.GetValue<string>() ?? "");
        return message?["result"];
    }

    /// <summary>Sends a request and, before its answer, <c>$/cancelRequest</c> for it.</summary>
    public async Task<JsonNode?> RequestAndCancel(string method, object? parameters)
    {
        int id = _nextId + 1;
        var task = Request(method, parameters);
        await Notify("$/cancelRequest", new { id });
        return await task;
    }

    public Task Notify(string method, object? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = ToNode(parameters) });

    /// <summary>The next notification of <paramref name="method"/> that satisfies <paramref name="match"/>.</summary>
    public JsonNode WaitFor(string method, Func<JsonNode, bool>? match = null, TimeSpan? timeout = null)
    {
        var queue = Queue(method);
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (DateTime.UtcNow < deadline)
        {
            if (queue.TryTake(out var item, TimeSpan.FromMilliseconds(50)) && (match is null || match(item))) return item;
            if (_reader.IsCompleted) break;
        }
        throw new TimeoutException($"no {method} notification; server stderr: {Stderr}");
    }

    public JsonNode Diagnostics(string uri, int? version = null) =>
        WaitFor("textDocument/publishDiagnostics", n => n["uri"]!.GetValue<string>() == uri
            && (version is null || n["version"]?.GetValue<int>() == version));

    public async Task<JsonNode?> Initialize(object? options = null)
    {
        var result = await Request("initialize", new { processId = Environment.ProcessId, rootUri = (string?)null, capabilities = new { }, initializationOptions = options });
        await Notify("initialized", new { });
        return result;
    }

    public Task Open(string uri, string text, int version = 1) =>
        Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "cpt", version, text } });

    public Task ChangeAll(string uri, string text, int version) =>
        Notify("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text } } });

    public Task Change(string uri, int version, int line, int character, int endLine, int endCharacter, string text) =>
        Notify("textDocument/didChange", new
        {
            textDocument = new { uri, version },
            contentChanges = new[] { new { range = Range(line, character, endLine, endCharacter), text } },
        });

    public static object Range(int line, int character, int endLine, int endCharacter) =>
        new { start = new { line, character }, end = new { line = endLine, character = endCharacter } };

    public static object At(string uri, int line, int character) =>
        new { textDocument = new { uri }, position = new { line, character } };

    /// <summary>shutdown, exit; the exit code of the process (or the in-process server).</summary>
    public async Task<int?> ShutdownAndExit()
    {
        await Request("shutdown", null);
        await Notify("exit", null);
        if (_process is null) return null;
        await _process.WaitForExitAsync().WaitAsync(Timeout);
        return _process.ExitCode;
    }

    BlockingCollection<JsonNode> Queue(string method) => _notifications.GetOrAdd(method, _ => []);

    static JsonNode? ToNode(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value);

    async Task Send(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            await _input.WriteAsync(header);
            await _input.WriteAsync(body);
            await _input.FlushAsync();
        }
        finally { _writeLock.Release(); }
    }

    async Task ReadLoop()
    {
        try
        {
            while (await ReadMessage() is { } message)
            {
                if (message["id"] is { } id && message["method"] is null)
                {
                    if (_pending.TryRemove(id.GetValue<int>(), out var response)) response.TrySetResult(message);
                }
                else if (message["method"]?.GetValue<string>() is { } method)
                {
                    if (message["id"] is { } requestId) // a request from the server: answer null
                        await Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = null });
                    else Queue(method).Add(message["params"] ?? new JsonObject());
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        foreach (var pending in _pending.Values) pending.TrySetException(new IOException("the server closed the connection"));
    }

    async Task<JsonNode?> ReadMessage()
    {
        int length = -1;
        while (true)
        {
            string? line = await ReadHeaderLine();
            if (line is null) return null;
            if (line.Length == 0) break;
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim());
        }
        var body = new byte[length];
        await _output.ReadExactlyAsync(body);
        return JsonNode.Parse(body);
    }

    async Task<string?> ReadHeaderLine()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await _output.ReadAsync(one) == 0) return null;
            if (one[0] == '\n') return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
            bytes.Add(one[0]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { _input.Dispose(); } catch (IOException) { }
        if (_process is not null)
        {
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
        await Task.WhenAny(_reader, Task.Delay(5000));
    }
}

internal sealed class LspError(int code, string message) : Exception($"LSP error {code}: {message}")
{
    public int Code { get; } = code;
}
