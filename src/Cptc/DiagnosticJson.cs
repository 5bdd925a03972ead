using System.Text.Json;
using CptLang;
using CptLang.Diagnostics;
using CptLang.Plan;

namespace Cptc;

/// <summary>Diagnostics as JSON for tools: 1-based start and end positions, code, severity,
/// message and hint (docs/cli.md).</summary>
internal static class DiagnosticJson
{
    public static string Write(IEnumerable<Compilation> compilations)
    {
        return JsonDocumentText.Write(json =>
        {
            int errors = 0, warnings = 0;
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            foreach (var compilation in compilations)
            {
                foreach (var d in compilation.Diagnostics)
                {
                    if (d.IsError) errors++; else warnings++;
                    var start = compilation.Text.GetLinePosition(d.Span.Start);
                    var end = compilation.Text.GetLinePosition(d.Span.End);
                    json.WriteStartObject();
                    json.WriteString("file", compilation.Text.Path);
                    json.WriteNumber("line", start.Line);
                    json.WriteNumber("column", start.Column);
                    json.WriteNumber("endLine", end.Line);
                    json.WriteNumber("endColumn", end.Column);
                    json.WriteString("severity", d.IsError ? "error" : "warning");
                    json.WriteString("code", d.Code);
                    json.WriteString("message", d.Message);
                    if (d.Hint is null) json.WriteNull("hint"); else json.WriteString("hint", d.Hint);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteNumber("errors", errors);
            json.WriteNumber("warnings", warnings);
            json.WriteEndObject();
        });
    }
}
