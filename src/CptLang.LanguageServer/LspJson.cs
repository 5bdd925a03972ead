using System.Text.Json.Serialization;
using CptLang.LanguageServer.Protocol;
using StreamJsonRpc.Protocol;

namespace CptLang.LanguageServer;

/// <summary>Source-generated JSON of every type the LSP methods read or write, so that the server
/// works in a Native AOT binary, where reflection-based System.Text.Json is off
/// (docs/performance.md, "Native start-up"). A type missing here falls back to reflection under
/// the JIT and fails under AOT: add each new parameter or result type.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(Opaque))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(InlayHintParams))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(RenameParams))]
[JsonSerializable(typeof(DocumentFormattingParams))]
[JsonSerializable(typeof(DocumentRangeFormattingParams))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(SemanticTokensParams))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(InlayHint[]))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(Location[]))]
[JsonSerializable(typeof(PrepareRenameResult))]
[JsonSerializable(typeof(WorkspaceEdit))]
[JsonSerializable(typeof(TextEdit[]))]
[JsonSerializable(typeof(CodeAction[]))]
[JsonSerializable(typeof(SemanticTokens))]
[JsonSerializable(typeof(DocumentSymbol[]))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(CommonErrorData))]
internal sealed partial class LspJson : JsonSerializerContext;
