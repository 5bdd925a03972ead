using CptLang.Binding;
using CptLang.LanguageServer.Analysis;
using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Protocol;
using CptLang.Laws.Laws;
using CptLang.Laws.Presets;
using CptLang.Syntax;
using static CptLang.LanguageServer.Protocol.CompletionItemKinds;

namespace CptLang.LanguageServer.Handlers;

/// <summary>
/// Completion in context (docs/editor.md): what may follow the previous token, else what may
/// start a line of the enclosing block — top level, run, stage, law body (the parameters of the
/// block's form that are not there yet), sweep. Names come from the file itself.
/// </summary>
internal static class CompletionHandler
{
    public static CompletionItem[] Complete(Document document, int offset)
    {
        var root = document.Compilation.SyntaxTree.Root;
        var tokens = root.DescendantTokens().Where(t => !t.IsMissing && t.Kind != SyntaxKind.EndOfFileToken).ToList();
        if (InComment(tokens, root.EndOfFile, offset)) return [];
        // the word being typed does not count as context
        var current = tokens.FirstOrDefault(t => t.Span.Start < offset && offset <= t.Span.End && IsWord(t.Kind));
        int before = current?.Span.Start ?? offset;
        int index = tokens.FindLastIndex(t => t.Span.End <= before);
        var previous = index >= 0 ? tokens[index] : null;
        var earlier = index >= 1 ? tokens[index - 1] : null;
        var path = SyntaxPath.At(root, previous?.Span.Start ?? 0);
        var symbols = document.Symbols;

        if (previous is not null && AfterToken(previous, earlier, path, symbols, document.Compilation) is { } items) return items;

        switch (Enclosing(SyntaxPath.At(root, offset), offset))
        {
            case LawBodySyntax body:
                var law = SyntaxPath.At(root, body.Span.Start).OfType<LawDeclarationSyntax>().LastOrDefault();
                return LawParameters(law, body);
            case UncertaintyPartSyntax:
                // its entries (docs/language.md §7.8); cptc fit --write writes them all
                return [.. Keywords(Laws.Fitting.Uncertainty.UncertaintyKeys.All)];
            case StageBodySyntax:
                if (previous is not null && SameLine(document, previous.Span.End, offset) && path.OfType<PhaseSyntax>().LastOrDefault() is { } phase)
                    return PhaseFollowers(phase, previous);
                return [.. Keywords("warmup", "stable", "decay", "drop to", "replay")];
            case RunDeclarationSyntax:
                return [.. Properties(PropertyNames.RunProperties), .. Keywords("train", "pretrained", "switch to")];
            case SweepDeclarationSyntax:
                return [.. Properties(Laws.Planning.AxisNames.Words), .. Keywords("replay", "minimize", "require")];
            default:
                return [.. Keywords("run", "law", "sweep"), .. Properties(PropertyNames.Settings)];
        }
    }

    /// <summary>What must follow particular tokens, whatever the block.</summary>
    static CompletionItem[]? AfterToken(SyntaxToken previous, SyntaxToken? earlier, List<SyntaxNode> path, SymbolIndex symbols, Compilation compilation)
    {
        switch (previous.Kind)
        {
            case SyntaxKind.SweepKeyword: return Names(symbols, SymbolKind.Run);
            case SyntaxKind.TrainKeyword or SyntaxKind.PretrainedKeyword or SyntaxKind.ReplayKeyword: return Names(symbols, SymbolKind.Domain);
            case SyntaxKind.ToKeyword when earlier?.Kind == SyntaxKind.SwitchKeyword: return Names(symbols, SymbolKind.Domain);
            case SyntaxKind.SwitchKeyword or SyntaxKind.DropKeyword: return [.. Keywords("to")];
            case SyntaxKind.MinimizeKeyword: return Names(symbols, SymbolKind.Law);
            case SyntaxKind.RequireKeyword: return [.. Names(symbols, SymbolKind.Law), .. Properties([SweepBinder.TurningLength, Laws.Planning.AxisNames.CptTokens])];
            case SyntaxKind.PlusToken or SyntaxKind.MinusToken or SyntaxKind.StarToken when path.OfType<LawExpressionSyntax>().Any():
                return Names(symbols, SymbolKind.Law);
            case SyntaxKind.EqualsToken when path.LastOrDefault() is LawDeclarationSyntax law && ReferenceEquals(law.EqualsToken, previous):
                return [.. PaperPresets.All.Select(p => new CompletionItem(p.Name, Constant, p.Description, SortText: "1" + p.Name)),
                    .. Names(symbols, SymbolKind.Law).Where(n => n.Label != law.Name.Text)];
            case SyntaxKind.EqualsToken or SyntaxKind.RunKeyword or SyntaxKind.LawKeyword: return [];
            case SyntaxKind.IdentifierToken when previous.Text == PropertyNames.WarmupArea: return Values(PropertyNames.WarmupAreaValues);
            case SyntaxKind.IdentifierToken when previous.Text == PropertyNames.S2Split: return Values(PropertyNames.S2SplitValues);
            case SyntaxKind.IdentifierToken when previous.Text == Laws.Planning.AxisNames.DecayShape && path.OfType<SweepDeclarationSyntax>().Any():
                return Shapes(Binding.Shapes.DecayShapes);
            default: return null;
        }
    }

    static SyntaxNode? Enclosing(List<SyntaxNode> path, int offset)
    {
        for (int i = path.Count - 1; i >= 0; i--)
        {
            var (open, close) = path[i] switch
            {
                LawBodySyntax b => (b.OpenBrace, b.CloseBrace),
                UncertaintyPartSyntax u => (u.OpenBrace, u.CloseBrace),
                StageBodySyntax b => (b.OpenBrace, b.CloseBrace),
                RunDeclarationSyntax r => (r.OpenBrace, r.CloseBrace),
                SweepDeclarationSyntax s => (s.OpenBrace, s.CloseBrace),
                _ => (null, null),
            };
            if (open is null || open.IsMissing || offset < open.Span.End) continue;
            if (close is null || close.IsMissing || offset <= close.Span.Start) return path[i];
        }
        return null;
    }

    static CompletionItem[] LawParameters(LawDeclarationSyntax? law, LawBodySyntax body)
    {
        var present = body.Parameters.Where(p => !p.Name.IsMissing).Select(p => p.Name.Text).ToHashSet();
        // a written form (`law x mpl { … }`) decides; else the parameters written so far
        LawForm? form = law?.Form is { IsMissing: false } written && LawForms.TryParse(written.Text, out var named) ? named : FormOf(present);
        LawPreset? preset = null;
        if (law?.Expression is { Terms: [var term] } && PaperPresets.TryGet(term.Name.Text, out preset)) form ??= preset.Form;
        var names = form is { } known ? LawParameterNames.Of(known) : LawParameterNames.All;
        // a law's own λ, for every form with an annealing area (docs/language.md §7.2)
        if (form is not LawForm.MultiPower) names = names.Add(PropertyNames.Lambda);
        return [.. names.Where(n => !present.Contains(n)).Select((n, i) => new CompletionItem(n, Field,
            preset?.Missing.Contains(n) == true ? "not given by the preset" : LawParameterDocs.Meaning.GetValueOrDefault(n),
            InsertText: n + " = ", SortText: (preset?.Missing.Contains(n) == true ? "0" : "1") + i.ToString("D2")))];
    }

    /// <summary>The form the parameters written so far decide (docs/language.md §7.2).</summary>
    static LawForm? FormOf(HashSet<string> present)
    {
        if (present.Contains(LawParameterNames.S1pt)) return LawForm.OpenModel;
        if (present.Contains(LawParameterNames.A1) || present.Contains(LawParameterNames.A2)) return LawForm.Replay;
        if (new[] { "N", "F", "gamma1", "gamma2", "gamma3" }.Any(present.Contains)) return LawForm.ModelSize;
        if (new[] { "C1", "C2", "B", "E", "beta" }.Any(present.Contains)) return LawForm.Cpt;
        if (present.Contains(LawParameterNames.C)) return LawForm.Annealing;
        return null;
    }

    static CompletionItem[] PhaseFollowers(PhaseSyntax phase, SyntaxToken previous)
    {
        if (phase is DropPhaseSyntax) return [];
        if (ReferenceEquals(previous, phase.Keyword)) return [.. Keywords("until")];
        if (previous.Kind == SyntaxKind.NumberToken && phase.GetChildren().FirstOrDefault() is not null
            && phase.GetChildren().OfType<CountLengthSyntax>().FirstOrDefault() is { Unit: null } length && length.Amount.Span.End == previous.Span.End)
            return [.. Keywords("steps", "tokens")];
        if (previous.Kind is SyntaxKind.FromKeyword or SyntaxKind.ToKeyword or SyntaxKind.AtKeyword or SyntaxKind.UntilKeyword) return [];
        return phase switch
        {
            WarmupPhaseSyntax => [.. Keywords("from", "to"), .. Shapes(Binding.Shapes.WarmupShapes)],
            DecayPhaseSyntax => [.. Keywords("from", "to"), .. Shapes(Binding.Shapes.DecayShapes)],
            StablePhaseSyntax => [.. Keywords("at")],
            _ => [],
        };
    }

    static bool IsWord(SyntaxKind kind) => kind == SyntaxKind.IdentifierToken || SyntaxFacts.IsKeyword(kind);

    static bool SameLine(Document document, int a, int b) => document.Text.GetLineIndex(a) == document.Text.GetLineIndex(b);

    static bool InComment(List<SyntaxToken> tokens, SyntaxToken endOfFile, int offset) =>
        tokens.Append(endOfFile).SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia))
            .Any(t => t.IsComment && t.Span.Start < offset && (offset < t.Span.End || (offset == t.Span.End && t.Kind == SyntaxKind.LineCommentTrivia)));

    static IEnumerable<CompletionItem> Keywords(params string[] words) => words.Select(w => new CompletionItem(w, Keyword));

    static IEnumerable<CompletionItem> Properties(IEnumerable<string> names) =>
        names.Select(n => new CompletionItem(n, Property, PropertyDocs.Meaning.GetValueOrDefault(n)));

    static CompletionItem[] Values(IEnumerable<string> values) => [.. values.Select(v => new CompletionItem(v, Value))];

    static CompletionItem[] Shapes(IEnumerable<string> shapes) => [.. shapes.Select(s => new CompletionItem(s, EnumMember, "shape",
        InsertText: s == Binding.Shapes.Polynomial ? "polynomial(2)" : null))];

    static CompletionItem[] Names(SymbolIndex symbols, SymbolKind kind) =>
        [.. symbols.Occurrences.Where(o => o.Kind == kind).Select(o => o.Name).Distinct()
            .Select(n => new CompletionItem(n, Reference, kind.ToString().ToLowerInvariant()))];
}
