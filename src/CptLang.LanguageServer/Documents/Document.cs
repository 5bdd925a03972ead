using CptLang.LanguageServer.Analysis;
using CptLang.Text;

namespace CptLang.LanguageServer.Documents;

/// <summary>
/// One version of an open document. Everything derived from it (the compilation, the symbol
/// index) is computed once, on first use, by whichever request or the diagnostics pass needs it
/// first; a new version is a new <see cref="Document"/>, so nothing is ever invalidated in place.
/// </summary>
internal sealed class Document
{
    readonly Lazy<Compilation> _compilation;
    readonly Lazy<SymbolIndex> _symbols;

    public Document(string uri, int version, string text)
    {
        Uri = uri;
        Version = version;
        Text = SourceText.From(text, DocumentUris.ToDisplayPath(uri));
        _compilation = new(() => Compilation.Create(Text), LazyThreadSafetyMode.ExecutionAndPublication);
        _symbols = new(() => SymbolIndex.Build(Compilation.SyntaxTree), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Uri { get; }
    public int Version { get; }
    public SourceText Text { get; }
    public Compilation Compilation => _compilation.Value;
    public SymbolIndex Symbols => _symbols.Value;

    public Document WithText(int version, string text) => new(Uri, version, text);
}

internal static class DocumentUris
{
    /// <summary>The file path of a file: URI (what diagnostics of <c>cptc check</c> would name), else the URI.</summary>
    public static string ToDisplayPath(string uri) =>
        System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;
}
