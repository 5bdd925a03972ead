using CptLang.LanguageServer.Handlers;
using CptLang.LanguageServer.Protocol;

namespace CptLang.LanguageServer;

/// <summary>What the server tells the client it can do (docs/editor.md lists the features).</summary>
internal static class Capabilities
{
    const int IncrementalSync = 2;

    public static InitializeResult Result { get; } = new(
        new ServerCapabilities(
            PositionEncoding: "utf-16",
            TextDocumentSync: new TextDocumentSyncOptions(OpenClose: true, Change: IncrementalSync),
            HoverProvider: true,
            InlayHintProvider: true,
            CompletionProvider: new CompletionOptions([".", " ", "="], ResolveProvider: false),
            DefinitionProvider: true,
            ReferencesProvider: true,
            RenameProvider: new RenameOptions(PrepareProvider: true),
            DocumentFormattingProvider: true,
            DocumentRangeFormattingProvider: true,
            CodeActionProvider: new CodeActionOptions(["quickfix"]),
            SemanticTokensProvider: new SemanticTokensOptions(new SemanticTokensLegend(SemanticTokensHandler.TokenTypes, []), Full: true, Range: false),
            DocumentSymbolProvider: true),
        new ServerInfo("cptc", typeof(Capabilities).Assembly.GetName().Version?.ToString(3) ?? "0"));
}
