using System.Text;
using CptLang.Text;

namespace CptLang.Tests;

/// <summary>
/// Minsk-style test input: the expected diagnostic spans are marked inline with [ and ], which
/// are removed before compiling (the language uses neither character).
/// </summary>
internal sealed record AnnotatedSource(string Text, IReadOnlyList<TextSpan> Spans)
{
    public static AnnotatedSource Parse(string annotated)
    {
        var text = new StringBuilder();
        var spans = new List<TextSpan>();
        var starts = new Stack<int>();
        foreach (char c in annotated)
        {
            if (c == '[') starts.Push(text.Length);
            else if (c == ']') spans.Add(TextSpan.FromBounds(starts.Pop(), text.Length));
            else text.Append(c);
        }
        return new AnnotatedSource(text.ToString(), spans.OrderBy(s => s.Start).ToList());
    }
}
