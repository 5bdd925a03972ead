namespace CptLang.LanguageServer.Protocol;

internal sealed record Hover(MarkupContent Contents, Range? Range);

internal sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

internal sealed record InlayHint(Position Position, string Label, bool PaddingLeft);

internal static class CompletionItemKinds
{
    public const int Property = 10, Value = 12, Keyword = 14, Reference = 18, EnumMember = 20, Constant = 21, Field = 5, Module = 9;
}

internal sealed record CompletionItem(string Label, int Kind, string? Detail = null, MarkupContent? Documentation = null, string? InsertText = null, string? SortText = null);

internal sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

internal sealed record ReferenceContext(bool IncludeDeclaration);

internal sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context);

internal sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

internal sealed record PrepareRenameResult(Range Range, string Placeholder);

internal sealed record FormattingOptions(int TabSize, bool InsertSpaces);

internal sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options);

internal sealed record DocumentRangeFormattingParams(TextDocumentIdentifier TextDocument, Range Range, FormattingOptions? Options);

internal sealed record CodeActionContext(LspDiagnostic[] Diagnostics);

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

internal sealed record CodeAction(string Title, string Kind, LspDiagnostic[] Diagnostics, WorkspaceEdit Edit, bool IsPreferred);

internal sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

internal sealed record SemanticTokens(int[] Data);

internal sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

internal static class SymbolKinds
{
    public const int Module = 2, Namespace = 3, Property = 7, Field = 8, Function = 12, Variable = 13, Constant = 14, Struct = 23, Event = 24, Sweep = 19;
}

internal sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, DocumentSymbol[]? Children);
