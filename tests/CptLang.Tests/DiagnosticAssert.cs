using CptLang.Diagnostics;

namespace CptLang.Tests;

internal static class DiagnosticAssert
{
    /// <summary>Compiles <paramref name="annotated"/> and requires exactly the given codes, in
    /// source order, at the marked spans.</summary>
    public static Compilation Reports(string annotated, params string[] codes)
    {
        var source = AnnotatedSource.Parse(annotated);
        var compilation = Compilation.Create(source.Text, "test.cpt");
        var actual = compilation.Diagnostics;
        string listing = string.Join("\n", actual.Select(d => DiagnosticFormatter.Format(d, compilation.Text)));
        Assert.True(codes.Length == actual.Length, $"expected {codes.Length} diagnostics, got {actual.Length}:\n{listing}");
        Assert.True(codes.Length == source.Spans.Count, "test bug: one [span] per expected code");
        for (int i = 0; i < codes.Length; i++)
        {
            Assert.True(codes[i] == actual[i].Code, $"diagnostic {i}: expected {codes[i]}, got:\n{listing}");
            Assert.True(source.Spans[i] == actual[i].Span, $"diagnostic {i} ({codes[i]}): expected span {source.Spans[i]}, got {actual[i].Span}:\n{listing}");
        }
        return compilation;
    }

    public static Compilation Clean(string text)
    {
        var compilation = Compilation.Create(text, "test.cpt");
        Assert.True(compilation.Diagnostics.IsEmpty,
            string.Join("\n", compilation.Diagnostics.Select(d => DiagnosticFormatter.Format(d, compilation.Text))));
        return compilation;
    }
}
