using System.Text.Json.Serialization;

namespace CptLang.LanguageServer.Protocol;

// The LSP 3.17 types the server uses, as plain records (camelCase on the wire, nulls omitted;
// see JsonRpcHost). Only the fields cptc reads or writes are declared.

/// <summary>0-based line and UTF-16 character offset (LSP's default position encoding).</summary>
internal sealed record Position(int Line, int Character);

internal sealed record Range(Position Start, Position End);

internal sealed record Location(string Uri, Range Range);

internal sealed record TextDocumentIdentifier(string Uri);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

internal sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

internal sealed record TextEdit(Range Range, string NewText);

internal sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

internal sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

internal static class DiagnosticSeverityCodes
{
    public const int Error = 1, Warning = 2;
}

internal sealed record LspDiagnostic(Range Range, int Severity, string Code, string Source, string Message);

internal sealed record PublishDiagnosticsParams(string Uri, int? Version, LspDiagnostic[] Diagnostics);

/// <summary>A JSON value the server does not look into (client capabilities, options).</summary>
internal sealed record Opaque
{
    [JsonExtensionData] public Dictionary<string, System.Text.Json.JsonElement>? Rest { get; init; }
}
