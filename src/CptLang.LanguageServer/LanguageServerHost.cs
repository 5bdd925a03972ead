using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace CptLang.LanguageServer;

/// <summary>
/// Runs the language server on a pair of streams (stdin/stdout for <c>cptc lsp</c>): LSP's
/// Content-Length framing and JSON-RPC 2.0 by StreamJsonRpc, the methods in <see cref="Server"/>.
/// Messages are dispatched one at a time in arrival order, so document changes apply in order;
/// work that takes time (compiling, predicting) runs off that queue and is cancelled by newer
/// changes or <c>$/cancelRequest</c>.
/// </summary>
public static class LanguageServerHost
{
    /// <summary>Serves until <c>exit</c> or the end of <paramref name="input"/>. Returns the exit
    /// code LSP asks for: 0 after <c>shutdown</c>, 1 otherwise.</summary>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken cancellation = default)
    {
        using var rpc = Create(input, output, log, out var server);
        using var registration = cancellation.Register(rpc.Dispose);
        rpc.StartListening();
        // `exit` ends the session even while a read of the input is still blocked
        try { await Task.WhenAny(rpc.Completion, server.Exited).Unwrap().ConfigureAwait(false); }
        catch (Exception e) when (e is not OutOfMemoryException) { log.WriteLine($"cptc lsp: connection closed: {e.Message}"); }
        server.Dispose();
        return server.ShutdownRequested ? 0 : 1;
    }

    internal static JsonRpc Create(Stream input, Stream output, TextWriter log, out Server server)
    {
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // generated first (Native AOT has no reflection-based JSON), reflection after it
        formatter.JsonSerializerOptions.TypeInfoResolver = JsonTypeInfoResolver.Combine(LspJson.Default, formatter.JsonSerializerOptions.TypeInfoResolver);
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter))
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        server = new Server(rpc, log);
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        return rpc;
    }
}
