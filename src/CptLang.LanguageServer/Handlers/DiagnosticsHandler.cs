using CptLang.Diagnostics;
using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Protocol;

namespace CptLang.LanguageServer.Handlers;

/// <summary>A compilation's diagnostics as LSP diagnostics: exactly those of <c>cptc check</c>
/// (same codes, spans, and message with its hint as <see cref="DiagnosticFormatter.FullMessage"/>).</summary>
internal static class DiagnosticsHandler
{
    public const string Source = "cptc";

    public static LspDiagnostic[] Of(Compilation compilation) =>
        [.. compilation.Diagnostics.Select(d => Of(d, compilation.Text))];

    public static LspDiagnostic Of(Diagnostic d, Text.SourceText text) => new(
        text.ToRange(d.Span),
        d.IsError ? DiagnosticSeverityCodes.Error : DiagnosticSeverityCodes.Warning,
        d.Code, Source, DiagnosticFormatter.FullMessage(d));
}
