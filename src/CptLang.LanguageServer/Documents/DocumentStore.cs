using System.Collections.Concurrent;

namespace CptLang.LanguageServer.Documents;

/// <summary>The open documents by URI, each at its latest version. Notifications are applied in
/// the order they arrive (JsonRpcHost dispatches them one at a time).</summary>
internal sealed class DocumentStore
{
    readonly ConcurrentDictionary<string, Document> _documents = new(StringComparer.Ordinal);

    public Document Open(string uri, int version, string text) => _documents[uri] = new Document(uri, version, text);

    public Document? Get(string uri) => _documents.TryGetValue(uri, out var document) ? document : null;

    public Document? Update(string uri, Func<Document, Document> update)
    {
        if (!_documents.TryGetValue(uri, out var current)) return null;
        var next = update(current);
        _documents[uri] = next;
        return next;
    }

    public void Close(string uri) => _documents.TryRemove(uri, out _);

    public int Count => _documents.Count;
}
