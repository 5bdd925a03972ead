using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Handlers;

namespace CptLang.LanguageServer.Tests;

/// <summary>The handlers on documents in this process: what each feature answers where.</summary>
public class FeatureTests
{
    const string Source = """
        run web_to_code {
          peak_lr 2e-4
          tokens_per_step 2M
          train web {
            warmup 160 steps
            stable until 8k
            decay 2k steps to 10% cosine
          }
          switch to code {
                    warmup 200 steps to 1e-4
            decay 1800 steps to 0
          }
        }
        law web = paper.fig3.general
        law code { L0 = 3.024  A = 0.412  alpha = 0.677  C1 = 0.278  C2 = 0.324  B = -0.666  E = 5662  beta = 0.146 }
        law c4 = 0.867 * web + 0.152 * code
        sweep web_to_code {
          cpt_peak_lr 1e-5 to 1e-4 step 1e-5
          minimize 0.3 * web + 0.7 * code
        }
        """;

    static Document Open(string text = Source) => new("file:///t.cpt", 1, text);

    static int At(string text, string marker, int delta = 0) => text.IndexOf(marker, StringComparison.Ordinal) + delta;

    [Fact]
    public void InlayHintsGiveEachPhasesStepsAndTokens()
    {
        var labels = InlayHintHandler.Hints(Open(), new(0, Source.Length)).Select(h => h.Label).ToList();
        Assert.Equal(
        [
            "steps 1–160 · 320M tokens", "steps 161–8,000 · 15.68B tokens", "steps 8,001–10,000 · 4B tokens",
            "steps 10,001–10,200 · 400M tokens", "steps 10,201–12,000 · 3.6B tokens",
        ], labels);
    }

    [Fact]
    public void HoverOnAPhaseShowsStepsLrAndTheLossesAtItsEnd()
    {
        var hover = HoverHandler.Hover(Open(), At(Source, "decay 2k"), default)!.Contents.Value;
        Assert.Contains("steps 8,001–10,000", hover);
        Assert.Contains("LR 2e-4 → 2e-5 (cosine)", hover);
        Assert.True(hover.Contains("predicted loss at step 10,000"), hover);
        Assert.Contains("| web |", hover);
        Assert.Contains("| c4 |", hover);
    }

    [Fact]
    public void HoverOnAParameterAPresetAndAnUnpredictableFile()
    {
        var document = Open();
        Assert.Contains("value in `code`: 5662", HoverHandler.Hover(document, At(Source, "E = 5662"), default)!.Contents.Value);
        Assert.Contains("Fig. 3/10", HoverHandler.Hover(document, At(Source, "fig3"), default)!.Contents.Value);
        string broken = Source.Replace("cosine", "cosin");
        Assert.Contains("no prediction while the file has errors", HoverHandler.Hover(Open(broken), At(broken, "stable until"), default)!.Contents.Value);
    }

    [Fact]
    public void DefinitionReferencesAndRenameOfALaw()
    {
        var document = Open();
        int use = At(Source, "0.7 * code", 6);
        var definition = Assert.Single(NavigationHandler.Definition(document, use));
        Assert.Equal(14, definition.Range.Start.Line);
        Assert.Equal(3, NavigationHandler.References(document, use, includeDeclaration: true).Length);
        // the domain `web` is another symbol than the law `web`
        Assert.Single(NavigationHandler.References(document, At(Source, "train web", 6), includeDeclaration: true));
        var edit = NavigationHandler.Rename(document, use, "stack")!;
        string renamed = ProtocolTests.Apply(Source, System.Text.Json.JsonSerializer.SerializeToNode(edit.Changes["file:///t.cpt"],
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!.AsArray());
        Assert.Contains("law stack {", renamed);
        Assert.Contains("0.152 * stack", renamed);
        Assert.Contains("switch to code", renamed);
        Assert.Null(NavigationHandler.Rename(document, use, "decay"));
        Assert.Null(NavigationHandler.Rename(document, use, "2x"));
    }

    [Theory]
    [InlineData("peak_lr 2e-4\n", "train")]          // a new line in a run
    [InlineData("    warmup 200 steps to 1e-4\n", "decay")]     // a new line in a stage
    [InlineData("decay 2k steps to 10% ", "cosine")]  // after a decay's LR: shapes
    [InlineData("law web = ", "paper.fig3.general")]
    [InlineData("minimize 0.3 * ", "web")]
    public void CompletionOffersWhatFitsTheContext(string before, string expected)
    {
        var items = CompletionHandler.Complete(Open(), At(Source, before, before.Length));
        Assert.Contains(items, i => i.Label == expected);
    }

    [Fact]
    public void CompletionInALawBodyOffersTheMissingParametersOfItsForm()
    {
        string text = "law web { L0 = 3  C1 = 0.3 \n}";
        var labels = CompletionHandler.Complete(Open(text), At(text, "\n")).Select(i => i.Label).ToList();
        // the form's missing parameters, then the optional `lambda` of a law with an annealing area
        Assert.Equal(["A", "alpha", "C2", "B", "E", "beta", "lambda"], labels);
        // a Multi-Power law names its form: its own parameters, and no lambda (it has no annealing area)
        string mpl = "law web mpl {\n  L0 = 2.9  B = 400\n  \n}\n";
        Assert.Equal(["A", "alpha", "C", "beta", "gamma"], CompletionHandler.Complete(Open(mpl), At(mpl, "  \n}", 2)).Select(i => i.Label));
    }

    [Fact]
    public void CompletionInAnUncertaintyPartOffersItsEntriesAndHoverStillWorks()
    {
        string text = "law web {\n  L0 = 2.9  A = 0.59  alpha = 0.76  C = 0.47\n  uncertainty {\n    runs = 2  replicates = 100  inflation = 1  noise = 0.001\n    sd L0 = 0.04  sd A = 0.04  corr L0 A = -0.9\n  \n  }\n}\n";
        var labels = CompletionHandler.Complete(Open(text), At(text, "  \n  }", 2)).Select(i => i.Label).ToList();
        Assert.Equal(["runs", "replicates", "inflation", "noise", "reach", "sd", "corr"], labels);
        // after the part, still the law's missing parameters (none here) and its optional lambda
        Assert.Equal(["lambda"], CompletionHandler.Complete(Open(text), At(text, "}\n}", 1)).Select(i => i.Label));
        Assert.Contains("0.59", HoverHandler.Hover(Open(text), At(text, "A = 0.59"), default)!.Contents.Value);
    }

    [Fact]
    public void RangeFormattingEditsOnlyTheLinesThatChange()
    {
        string text = "run r {\n  peak_lr 1e-4\n  train a {   stable 1k steps\n  }\n}\n";
        var document = Open(text);
        var edit = Assert.Single(FormattingHandler.Format(document, null));
        Assert.Equal(2, edit.Range.Start.Line);
        Assert.Equal(3, edit.Range.End.Line);
        Assert.Empty(FormattingHandler.Format(document, new(0, 5)));
        Assert.Single(FormattingHandler.Format(document, new(text.IndexOf("train"), 3)));
    }

    [Fact]
    public void SemanticTokensTellRunsLawsAndDomainsApart()
    {
        var data = SemanticTokensHandler.Encode(Open());
        var types = new List<string>();
        for (int i = 0; i < data.Length; i += 5) types.Add(SemanticTokensHandler.TokenTypes[data[i + 3]]);
        Assert.Equal(["keyword", "function"], types.Take(2));
        Assert.Contains("namespace", types);
        Assert.Contains("variable", types);
        Assert.Contains("parameter", types);
    }

    [Fact]
    public void DocumentSymbolsOutlineRunsStagesLawsAndSweeps()
    {
        var symbols = DocumentSymbolHandler.Symbols(Open());
        Assert.Equal(["web_to_code", "web", "code", "c4", "sweep web_to_code"], symbols.Select(s => s.Name));
        Assert.Equal(["web", "code"], symbols[0].Children!.Select(s => s.Name));
        Assert.Equal(3, symbols[0].Children![0].Children!.Length);
    }

    [Fact]
    public void IncrementalChangesApplyInOrder()
    {
        string text = TextChanges.Apply("ab\ncd\n", [
            new(new(new(1, 0), new(1, 1)), "X"),
            new(new(new(0, 2), new(1, 0)), ""),
            new(null, "whole"),
            new(new(new(0, 5), new(0, 5)), "!"),
        ]);
        Assert.Equal("whole!", text);
    }
}
