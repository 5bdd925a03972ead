namespace CptLang.LanguageServer.Protocol;

internal sealed record InitializeParams(int? ProcessId, string? RootUri, InitializationOptions? InitializationOptions);

/// <summary><c>initializationOptions</c> of the client: the debounce of diagnostics (ms).</summary>
internal sealed record InitializationOptions(int? DiagnosticsDelay);

internal sealed record ServerInfo(string Name, string Version);

internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

internal sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

internal sealed record CompletionOptions(string[] TriggerCharacters, bool ResolveProvider);

internal sealed record RenameOptions(bool PrepareProvider);

internal sealed record SemanticTokensLegend(string[] TokenTypes, string[] TokenModifiers);

internal sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full, bool Range);

internal sealed record CodeActionOptions(string[] CodeActionKinds);

internal sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    bool InlayHintProvider,
    CompletionOptions CompletionProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    RenameOptions RenameProvider,
    bool DocumentFormattingProvider,
    bool DocumentRangeFormattingProvider,
    CodeActionOptions CodeActionProvider,
    SemanticTokensOptions SemanticTokensProvider,
    bool DocumentSymbolProvider);

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>A change: <see cref="Range"/> null replaces the whole text.</summary>
internal sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);
