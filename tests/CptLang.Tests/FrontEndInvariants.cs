using CptLang.Formatting;
using CptLang.Syntax;

namespace CptLang.Tests;

/// <summary>What must hold for every input whatsoever: the checks the random-input and corpus
/// tests apply.</summary>
internal static class FrontEndInvariants
{
    public static void Check(string text)
    {
        var compilation = Compilation.Create(text, "fuzz.cpt");
        Assert.Equal(text, compilation.SyntaxTree.Root.ToFullString());

        var diagnostics = compilation.Diagnostics;
        foreach (var d in diagnostics)
        {
            Assert.InRange(d.Span.Start, 0, text.Length);
            Assert.InRange(d.Span.End, d.Span.Start, text.Length);
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        }
        Assert.True(diagnostics.Length <= Compilation.MaxDiagnostics + 1);

        if (!compilation.HasErrors)
        {
            Assert.Equal(compilation.Bound.Runs.Length, compilation.Plans.Length);
            foreach (var plan in compilation.Plans) PlanInvariants(plan);
        }
        if (!compilation.SyntaxTree.Diagnostics.Any(d => d.IsError)) FormatterInvariants(compilation.SyntaxTree);
    }

    public static void PlanInvariants(Laws.Schedules.EvaluationPlan plan)
    {
        long next = 1;
        foreach (var segment in plan.Segments)
        {
            Assert.Equal(next, segment.FirstStep);
            Assert.True(segment.LastStep >= segment.FirstStep);
            foreach (long step in new[] { segment.FirstStep, (segment.FirstStep + segment.LastStep) / 2, segment.LastStep })
            {
                double lr = segment.LearningRate(step);
                Assert.True(double.IsFinite(lr) && lr >= 0, $"LR {lr} at step {step}");
            }
            next = segment.LastStep + 1;
        }
    }

    /// <summary>Formatting is idempotent and keeps every token and every comment.</summary>
    public static void FormatterInvariants(SyntaxTree tree)
    {
        string formatted = Formatter.Format(tree);
        var reparsed = SyntaxTree.Parse(formatted);
        Assert.DoesNotContain(reparsed.Diagnostics, d => d.IsError);
        Assert.Equal(Tokens(tree), Tokens(reparsed));
        Assert.Equal(Comments(tree), Comments(reparsed));
        Assert.Equal(formatted, Formatter.Format(reparsed));
    }

    static List<(SyntaxKind, string)> Tokens(SyntaxTree tree) =>
        tree.Root.DescendantTokens().Select(t => (t.Kind, t.Text)).ToList();

    static List<string> Comments(SyntaxTree tree) => tree.Root.DescendantTokens()
        .SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia))
        .Where(t => t.IsComment).Select(t => t.Text.TrimEnd()).ToList();
}
