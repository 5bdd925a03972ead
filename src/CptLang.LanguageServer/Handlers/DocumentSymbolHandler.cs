using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Protocol;
using CptLang.Syntax;
using static CptLang.LanguageServer.Protocol.SymbolKinds;

namespace CptLang.LanguageServer.Handlers;

/// <summary>The outline: settings, runs (their stages, their phases), laws and sweeps.</summary>
internal static class DocumentSymbolHandler
{
    public static DocumentSymbol[] Symbols(Document document)
    {
        var text = document.Text;
        DocumentSymbol Symbol(string name, string? detail, int kind, SyntaxNode node, SyntaxToken selection, DocumentSymbol[]? children = null) =>
            new(name.Length > 0 ? name : "?", detail, kind, text.ToRange(node.Span),
                text.ToRange(selection.IsMissing ? node.Span : selection.Span), children);

        var symbols = new List<DocumentSymbol>();
        foreach (var member in document.Compilation.SyntaxTree.Root.Members)
        {
            if (member.IsMissing) continue;
            switch (member)
            {
                case PropertySyntax property:
                    symbols.Add(Symbol(property.Name.Text, property.Value.ToFullString().Trim(), Property, property, property.Name));
                    break;
                case RunDeclarationSyntax run:
                    symbols.Add(Symbol(run.Name.Text, "run", Module, run, run.Name, [.. run.Items.OfType<StageSyntax>().Where(s => !s.IsMissing).Select(stage =>
                        Symbol(stage.Domain.Text, StageDetail(stage), Namespace, stage, stage.Domain,
                            [.. (stage.Body?.Items ?? []).OfType<PhaseSyntax>().Where(p => !p.IsMissing)
                                .Select(p => Symbol(p.Keyword.Text, Compact(p), Event, p, p.Keyword))]))]));
                    break;
                case LawDeclarationSyntax law:
                    symbols.Add(Symbol(law.Name.Text, "law", Function, law, law.Name));
                    break;
                case SweepDeclarationSyntax sweep:
                    symbols.Add(Symbol($"sweep {sweep.Run.Text}", "sweep", Sweep, sweep, sweep.Run));
                    break;
            }
        }
        return [.. symbols];
    }

    static string StageDetail(StageSyntax stage) => stage switch
    {
        SwitchStageSyntax => "switch to",
        PretrainedStageSyntax => "pretrained",
        _ => "train",
    };

    /// <summary>The phase's text after its keyword, on one line.</summary>
    static string Compact(PhaseSyntax phase) =>
        string.Join(" ", phase.DescendantTokens().Skip(1).Where(t => !t.IsMissing).Select(t => t.Text));
}
