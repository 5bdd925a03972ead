using System.Collections.Concurrent;
using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace CptLang.LanguageServer.Handlers;

/// <summary>
/// Publishes each document's diagnostics after a change, debounced: a change that arrives within
/// <see cref="_delay"/> of the previous one cancels it, so a burst of keystrokes compiles once.
/// The compilation is the document's own (shared with hover, completion…), and diagnostics of a
/// version that is no longer current are never sent.
/// </summary>
internal sealed class DiagnosticsPublisher(JsonRpc rpc, DocumentStore documents, TextWriter log, TimeSpan delay) : IDisposable
{
    /// <summary>Short: a 1,000-line file compiles in ~10 ms and the target is 50 ms from change
    /// to diagnostics (docs/performance.md).</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(15);

    readonly TimeSpan _delay = delay;
    readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);

    public void Schedule(Document document, bool immediately)
    {
        var cancellation = new CancellationTokenSource();
        if (_pending.TryGetValue(document.Uri, out var previous) && _pending.TryUpdate(document.Uri, cancellation, previous))
            Cancel(previous);
        else _pending[document.Uri] = cancellation;
        var token = cancellation.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                if (!immediately && _delay > TimeSpan.Zero) await Task.Delay(_delay, token).ConfigureAwait(false);
                token.ThrowIfCancellationRequested();
                var diagnostics = DiagnosticsHandler.Of(document.Compilation);
                if (token.IsCancellationRequested || !ReferenceEquals(documents.Get(document.Uri), document)) return;
                await rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics",
                    new PublishDiagnosticsParams(document.Uri, document.Version, diagnostics)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { }
            catch (ObjectDisposedException) { }
            catch (ConnectionLostException) { }
            catch (Exception e) { log.WriteLine($"cptc lsp: diagnostics of {document.Uri} failed: {e}"); }
            finally
            {
                _pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(document.Uri, cancellation));
                cancellation.Dispose();
            }
        }, CancellationToken.None);
    }

    /// <summary>A closed document's diagnostics are cleared, as LSP asks of the server.</summary>
    public void Clear(string uri)
    {
        if (_pending.TryRemove(uri, out var pending)) Cancel(pending);
        _ = rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, null, []));
    }

    static void Cancel(CancellationTokenSource source)
    {
        try { source.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        foreach (var pending in _pending.Values) Cancel(pending);
    }
}
