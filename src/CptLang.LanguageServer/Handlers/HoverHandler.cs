using System.Text;
using CptLang.Binding;
using CptLang.LanguageServer.Analysis;
using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Protocol;
using CptLang.Laws.Laws;
using CptLang.Laws.Presets;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.LanguageServer.Handlers;

/// <summary>
/// Hover (docs/editor.md): on a phase, its steps, LRs and every law's predicted loss at its end;
/// on a law parameter, its meaning and value; on a preset, where it comes from; on a run, law or
/// domain name, a summary.
/// </summary>
internal static class HoverHandler
{
    public static Hover? Hover(Document document, int offset, CancellationToken cancellation)
    {
        var compilation = document.Compilation;
        var root = compilation.SyntaxTree.Root;
        var token = SyntaxPath.TokenAt(root, offset);
        var path = SyntaxPath.At(root, offset);
        string? text = null;
        if (token is not null && document.Symbols.Classes.TryGetValue(token, out var kind))
        {
            text = kind switch
            {
                TokenClass.Preset => path.OfType<QualifiedNameSyntax>().LastOrDefault() is { } name ? Preset(name.Text) : null,
                TokenClass.Parameter => Parameter(compilation, path.OfType<LawDeclarationSyntax>().FirstOrDefault(), token.Text),
                TokenClass.Law => Law(compilation, token.Text),
                TokenClass.Run => Run(compilation, token.Text),
                TokenClass.Domain => Domain(compilation, token.Text),
                TokenClass.Property => PropertyDocs.Meaning.TryGetValue(token.Text, out var meaning) ? $"**{token.Text}**: {meaning}" : null,
                _ => null,
            };
        }
        cancellation.ThrowIfCancellationRequested();
        if (text is null && path.OfType<PhaseSyntax>().LastOrDefault() is { } phase) text = Phase(compilation, phase);
        if (text is null) return null;
        var range = token is not null ? document.Text.ToRange(token.Span) : null;
        return new Hover(MarkupContent.Markdown(text), range);
    }

    static string? Phase(Compilation compilation, PhaseSyntax syntax)
    {
        if (PhaseEnds.Find(compilation, syntax) is not var (run, stage, phase)) return null;
        var text = new StringBuilder();
        text.Append($"**{syntax.Keyword.Text}** · run `{run.Name}`, {(stage.Kind == StageKind.Continual ? "CPT on" : "pre-training on")} `{stage.Domain}`\n\n");
        if (phase.Kind == BoundPhaseKind.Drop)
        {
            text.Append($"drop to LR {Numbers.Lr(phase.Kernel.To)} before step {Numbers.Steps(phase.FirstStep)}\n");
            return text.ToString();
        }
        text.Append($"steps {Numbers.StepRange(phase.FirstStep, phase.LastStep)} ({Numbers.Steps(phase.Length)} steps");
        if (run.TokensPerStep is { } perStep) text.Append($", {Numbers.Count(phase.Length * perStep)} tokens");
        text.Append(")\n\n");
        text.Append(phase.Kernel.From == phase.Kernel.To
            ? $"LR {Numbers.Lr(phase.Kernel.From)}\n\n"
            : $"LR {Numbers.Lr(phase.Kernel.From)} → {Numbers.Lr(phase.Kernel.To)} ({Syntax.SyntaxFacts.ShapeName(phase.Kernel.Shape)})\n\n");
        var losses = PhaseEnds.Losses(compilation, run);
        if (losses.Losses is { } byStep && byStep.TryGetValue(phase.LastStep, out var atEnd))
        {
            text.Append($"predicted loss at step {Numbers.Steps(phase.LastStep)}:\n\n| law | loss |\n|---|---:|\n");
            foreach (var (law, loss) in atEnd) text.Append($"| {law} | {Numbers.Loss(loss)} |\n");
        }
        else if (losses.Why is { } why) text.Append($"_{why}_\n");
        return text.ToString();
    }

    static string? Parameter(Compilation compilation, LawDeclarationSyntax? law, string name)
    {
        if (!LawParameterDocs.Meaning.TryGetValue(name, out var meaning)) return null;
        var text = new StringBuilder($"**{name}**: {meaning}");
        if (law is not null && Bound(compilation, law.Name.Text)?.Definition is ParametricLaw { Parameters: var parameters }
            && (name == CptLang.Binding.PropertyNames.Lambda ? parameters.Lambda : parameters.TryGet(name, out var given) ? given : null) is { } value)
            text.Append($"\n\nvalue in `{law.Name.Text}`: {Numbers.Value(value)}{(name == LawParameterNames.N ? " (millions)" : "")}");
        return text.ToString();
    }

    static string? Preset(string name)
    {
        if (PaperPresets.TryGet(name, out var preset))
        {
            var text = new StringBuilder($"**{preset.Name}** ({LawForms.Keyword(preset.Form)})\n\n{preset.Description}\n\n");
            text.Append(string.Join("  ", LawParameterNames.Of(preset.Form).Where(preset.Values.ContainsKey).Select(p => $"{p} = {Numbers.Value(preset.Values[p])}")));
            if (!preset.IsComplete) text.Append($"\n\nnot given by the paper: {string.Join(", ", preset.Missing)} (supply in `{{ … }}`)");
            return text.Append("\n\nsource: CPT paper (arXiv 2505.07796); docs/laws.md §6").ToString();
        }
        if (PaperPresets.TryGetOodWeights(name, out var weights))
            return $"**{weights.Name}**: {weights.Description}\n\nk1 = {Numbers.Value(weights.GeneralWeight)}, k2 = {Numbers.Value(weights.DomainWeight)}; write it as a sum of laws (docs/language.md §7.6)";
        return null;
    }

    static BoundLaw? Bound(Compilation compilation, string name) => compilation.Bound.Laws.FirstOrDefault(l => l.Name == name);

    static string? Law(Compilation compilation, string name)
    {
        switch (Bound(compilation, name)?.Definition)
        {
            case ParametricLaw { Parameters: var parameters }:
                return $"**law {name}** ({LawForms.Keyword(parameters.Form)})\n\n"
                    + string.Join("  ", parameters.Names.Select(p => $"{p} = {Numbers.Value(parameters[p])}"));
            case WeightedSumLaw sum:
                return $"**law {name}** = " + string.Join(" + ", sum.Terms.Select(t => $"{Numbers.Value(t.Weight)} · {t.Law}")) + " (out-of-domain sum, Eq. 6)";
            default:
                return $"**law {name}**";
        }
    }

    static string? Run(Compilation compilation, string name)
    {
        if (compilation.Bound.Runs.FirstOrDefault(r => r.Name == name) is not { } run) return null;
        var text = new StringBuilder($"**run {name}** · peak LR {Numbers.Lr(run.PeakLr)}\n\n");
        foreach (var stage in run.Stages)
            text.Append(stage.LastStep >= stage.FirstStep
                ? $"- {stage.Kind.ToString().ToLowerInvariant()} `{stage.Domain}`: steps {Numbers.StepRange(stage.FirstStep, stage.LastStep)}\n"
                : $"- {stage.Kind.ToString().ToLowerInvariant()} `{stage.Domain}`\n");
        return text.ToString();
    }

    static string? Domain(Compilation compilation, string name)
    {
        var uses = compilation.Bound.Runs
            .SelectMany(r => r.Stages.Where(s => s.Domain == name).Select(s => $"- `{r.Name}`: {(s.Kind == StageKind.Continual ? "the new domain (CPT)" : "pre-training")}"))
            .ToList();
        var text = new StringBuilder($"**domain {name}**\n\n{string.Join("\n", uses)}");
        if (Bound(compilation, name) is not null) text.Append($"\n\nlaw `{name}` is its validation set");
        return text.ToString();
    }
}

/// <summary>What the run properties and file settings mean (docs/language.md §3, §6).</summary>
internal static class PropertyDocs
{
    public static IReadOnlyDictionary<string, string> Meaning { get; } = new Dictionary<string, string>
    {
        ["peak_lr"] = "the run's peak learning rate; percentages in phases are of it",
        ["tokens_per_step"] = "tokens in one optimizer step (batch × sequence length): lets lengths be written in tokens",
        ["lambda"] = "momentum decay λ of the annealing area S2 (default 0.999)",
        ["warmup_area"] = "how warmups before the switch enter the areas: peak (default) or actual",
        ["s2_split"] = "how the annealing area is split at the switch: step (default) or source",
        ["cpt_peak_lr"] = "sweep axis: the peak LR of continual pre-training",
        ["cpt_steps"] = "sweep axis: the length of continual pre-training in steps",
        ["cpt_tokens"] = "sweep axis or requirement: the length of continual pre-training in tokens",
        ["decay_shape"] = "sweep axis: the shape of the final decay",
        ["decay_fraction"] = "sweep axis: the share of CPT spent decaying",
        ["loss_potential"] = "sweep axis: final over peak LR of pre-training",
        ["turning_length"] = "requirement: CPT steps until the general loss is back at its switch value",
    };
}
