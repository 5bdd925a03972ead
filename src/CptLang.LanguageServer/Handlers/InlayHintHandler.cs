using CptLang.Binding;
using CptLang.LanguageServer.Analysis;
using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Protocol;
using CptLang.Text;

namespace CptLang.LanguageServer.Handlers;

/// <summary>Inlay hints after each phase: the steps it covers (<c>steps 2,161–8,000</c>), and its
/// tokens when the run sets <c>tokens_per_step</c> (docs/language.md §3, step counting).</summary>
internal static class InlayHintHandler
{
    public static InlayHint[] Hints(Document document, TextSpan range)
    {
        var hints = new List<InlayHint>();
        foreach (var run in document.Compilation.Bound.Runs)
            foreach (var stage in run.Stages)
                foreach (var phase in stage.Phases)
                {
                    if (phase.Kind == BoundPhaseKind.Drop || phase.Length <= 0 || phase.Syntax.IsMissing) continue;
                    int end = phase.Syntax.Span.End;
                    if (end < range.Start || end > range.End) continue;
                    string label = $"steps {Numbers.StepRange(phase.FirstStep, phase.LastStep)}";
                    if (run.TokensPerStep is { } perStep) label += $" · {Numbers.Count(phase.Length * perStep)} tokens";
                    hints.Add(new InlayHint(document.Text.ToPosition(end), label, PaddingLeft: true));
                }
        return [.. hints];
    }
}
