using System.Text;
using CptLang.LanguageServer.Protocol;
using CptLang.Text;

namespace CptLang.LanguageServer.Documents;

/// <summary>Applies <c>didChange</c> content changes in order (incremental sync): each range is
/// relative to the text left by the change before it.</summary>
internal static class TextChanges
{
    public static string Apply(string text, IEnumerable<TextDocumentContentChangeEvent> changes)
    {
        foreach (var change in changes)
        {
            if (change.Range is null) { text = change.Text ?? ""; continue; }
            var source = SourceText.From(text);
            var span = source.ToSpan(change.Range);
            text = new StringBuilder(text.Length - span.Length + (change.Text?.Length ?? 0))
                .Append(text, 0, span.Start).Append(change.Text).Append(text, span.End, text.Length - span.End)
                .ToString();
        }
        return text;
    }
}
