using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Handlers;
using CptLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace CptLang.LanguageServer;

/// <summary>The LSP methods: each one finds the document and hands over to its feature's
/// handler (Handlers/). Handlers never throw for user input; a request for a document that is
/// not open gets an empty answer.</summary>
internal sealed class Server(JsonRpc rpc, TextWriter log) : IDisposable
{
    readonly DocumentStore _documents = new();
    DiagnosticsPublisher? _publisher;

    public bool ShutdownRequested { get; private set; }

    internal DocumentStore Documents => _documents;

    DiagnosticsPublisher Publisher => _publisher ??= new DiagnosticsPublisher(rpc, _documents, log, DiagnosticsPublisher.DefaultDelay);

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(InitializeParams request)
    {
        var delay = request.InitializationOptions?.DiagnosticsDelay is int ms and >= 0 and <= 10_000 ? TimeSpan.FromMilliseconds(ms) : DiagnosticsPublisher.DefaultDelay;
        _publisher?.Dispose();
        _publisher = new DiagnosticsPublisher(rpc, _documents, log, delay);
        return Capabilities.Result;
    }

    [JsonRpcMethod("initialized")]
    public void Initialized(Opaque? _) { }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        ShutdownRequested = true;
        return null;
    }

    readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes on the <c>exit</c> notification.</summary>
    public Task Exited => _exited.Task;

    [JsonRpcMethod("exit")]
    public void Exit() => _exited.TrySetResult();

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams request)
    {
        var document = _documents.Open(request.TextDocument.Uri, request.TextDocument.Version, request.TextDocument.Text ?? "");
        Publisher.Schedule(document, immediately: true);
    }

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams request)
    {
        var document = _documents.Update(request.TextDocument.Uri,
            current => current.WithText(request.TextDocument.Version, TextChanges.Apply(current.Text.Text, request.ContentChanges ?? [])));
        if (document is not null) Publisher.Schedule(document, immediately: false);
    }

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(DidCloseTextDocumentParams request)
    {
        _documents.Close(request.TextDocument.Uri);
        Publisher.Clear(request.TextDocument.Uri);
    }

    [JsonRpcMethod("textDocument/hover")]
    public Task<Hover?> Hover(TextDocumentPositionParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => HoverHandler.Hover(d, d.Text.ToOffset(request.Position), cancellation), cancellation);

    [JsonRpcMethod("textDocument/inlayHint")]
    public Task<InlayHint[]?> InlayHint(InlayHintParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => (InlayHint[]?)InlayHintHandler.Hints(d, d.Text.ToSpan(request.Range)), cancellation);

    [JsonRpcMethod("textDocument/completion")]
    public Task<CompletionList?> Completion(TextDocumentPositionParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => (CompletionList?)new CompletionList(false, CompletionHandler.Complete(d, d.Text.ToOffset(request.Position))), cancellation);

    [JsonRpcMethod("textDocument/definition")]
    public Task<Location[]?> Definition(TextDocumentPositionParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => (Location[]?)NavigationHandler.Definition(d, d.Text.ToOffset(request.Position)), cancellation);

    [JsonRpcMethod("textDocument/references")]
    public Task<Location[]?> References(ReferenceParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => (Location[]?)NavigationHandler.References(d, d.Text.ToOffset(request.Position), request.Context?.IncludeDeclaration ?? true), cancellation);

    [JsonRpcMethod("textDocument/prepareRename")]
    public Task<PrepareRenameResult?> PrepareRename(TextDocumentPositionParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => NavigationHandler.PrepareRename(d, d.Text.ToOffset(request.Position)), cancellation);

    [JsonRpcMethod("textDocument/rename")]
    public Task<WorkspaceEdit?> Rename(RenameParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => NavigationHandler.Rename(d, d.Text.ToOffset(request.Position), request.NewName), cancellation);

    [JsonRpcMethod("textDocument/formatting")]
    public Task<TextEdit[]?> Formatting(DocumentFormattingParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => (TextEdit[]?)FormattingHandler.Format(d, null), cancellation);

    [JsonRpcMethod("textDocument/rangeFormatting")]
    public Task<TextEdit[]?> RangeFormatting(DocumentRangeFormattingParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => (TextEdit[]?)FormattingHandler.Format(d, d.Text.ToSpan(request.Range)), cancellation);

    [JsonRpcMethod("textDocument/codeAction")]
    public Task<CodeAction[]?> CodeAction(CodeActionParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => (CodeAction[]?)CodeActionHandler.Actions(d, d.Text.ToSpan(request.Range)), cancellation);

    [JsonRpcMethod("textDocument/semanticTokens/full")]
    public Task<SemanticTokens?> SemanticTokens(SemanticTokensParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => (SemanticTokens?)new SemanticTokens(SemanticTokensHandler.Encode(d)), cancellation);

    [JsonRpcMethod("textDocument/documentSymbol")]
    public Task<DocumentSymbol[]?> DocumentSymbol(DocumentSymbolParams request, CancellationToken cancellation) =>
        Run(request.TextDocument, d => (DocumentSymbol[]?)DocumentSymbolHandler.Symbols(d), cancellation);

    /// <summary>Answers off the dispatch queue (a first request after a change may compile),
    /// honouring cancellation before and after the work.</summary>
    Task<T?> Run<T>(TextDocumentIdentifier id, Func<Document, T?> answer, CancellationToken cancellation) where T : class
    {
        if (_documents.Get(id.Uri) is not { } document) return Task.FromResult<T?>(null);
        return Task.Run(() =>
        {
            cancellation.ThrowIfCancellationRequested();
            var result = answer(document);
            cancellation.ThrowIfCancellationRequested();
            return result;
        }, cancellation);
    }

    public void Dispose() => _publisher?.Dispose();
}
