using System.Globalization;
using System.Text;
using CptLang.Diagnostics;
using CptLang.Fitting;
using CptLang.Laws.Areas;
using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Planning;
using CptLang.Laws.Presets;
using CptLang.Laws.Schedules;
using CptLang.Predicting;
using CptLang.Text;

namespace CptLang.Tests;

/// <summary>docs/laws.md §8 shows how to use the library from code; its snippet is the region
/// below, compiled and run here, and checked to be word for word what the page shows.</summary>
public class EngineFromCodeTests
{
    const string Region = "laws-md-section-8";

    [Fact]
    public void The_docs_show_the_snippet_this_test_runs()
    {
        string page = File.ReadAllText(Path.Combine(TestPaths.Docs, "laws.md"));
        int section = page.IndexOf("## 8. Using the engine from code", StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/laws.md has no section 8 'Using the engine from code'");
        int start = page.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        string shown = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];

        string source = File.ReadAllText(Path.Combine(TestPaths.TestsDirectory, "EngineFromCodeTests.cs"));
        int open = source.IndexOf($"#region {Region}", StringComparison.Ordinal);
        int from = source.IndexOf('\n', open) + 1;
        string region = source[from..source.LastIndexOf('\n', source.IndexOf("#endregion", open, StringComparison.Ordinal)) ];
        string dedented = string.Concat(region.Split('\n').Select(line => (line.Length >= 8 ? line[8..] : line.TrimStart()) + "\n"));
        Assert.Equal(dedented.Replace("\r", ""), shown.Replace("\r", ""));
    }

    [Fact]
    public void The_snippet_compiles_predicts_and_fits()
    {
        string source = File.ReadAllText(Path.Combine(TestPaths.Examples, "paper-fineweb-to-knowledge-pile.cpt"));
        // the log the snippet fits: the file's own law at 400 steps, so the fit must find it again
        var logs = new Dictionary<string, string>();
        string ReadLog(string path) => logs[path];
        var reference = Compilation.Create(source);
        logs["logs/run.csv"] = LogOf(new LossPredictor(reference.Plans[0], reference.Laws), steps: 400);

        #region laws-md-section-8
        // Compile a .cpt file's text: diagnostics, the plan of every run, the laws
        var compilation = Compilation.Create(source, "plan.cpt");
        foreach (var d in compilation.Diagnostics) Console.WriteLine(DiagnosticFormatter.Format(d, compilation.Text));
        EvaluationPlan plan = compilation.Plans[0];
        IReadOnlyList<LawDefinition> laws = compilation.Laws;

        // Predict (cptc predict): the losses at chosen steps, the derived quantities, and the
        // laws' problems as diagnostics at their declarations
        PredictionResult predicted = Prediction.Compute(compilation, plan, StepSelection.At([40_000, 50_000]));
        LossTable table = predicted.Prediction!.Table;            // table.Loss(0)[1]: law 0 at step 50,000
        DerivedReport derived = predicted.Prediction.Derived;     // Peak, Turning, LossPotential, …

        // The law engine alone, without syntax
        var predictor = new LossPredictor(plan, laws);
        var structural = predictor.Problems;                      // structural problems of the laws
        LossResult one = predictor.LossAt(law: 0, step: 45_000);  // one.TryGetValue(out double loss) or one.Problem
        LossTable all = predictor.PredictCurve(1, plan.TotalSteps);
        AreaPoint a = predictor.Areas.At(45_000);                 // LearningRate, S1pt, S1cpt, S2pt, S2cpt
        LawPreset preset = PaperPresets.Get("paper.fig3.general"); // preset.Missing, preset.ToParameters(), preset.With(…)

        // Planning (cptc optimize): a grid over one run's family, objective, requirements
        var sweep = new SweepProblem(new RunFamily(plan), [SweepAxis.Range(AxisKind.CptPeakLr, 1e-5, 1e-4, 1e-5)],
            [.. laws], Objective.Balance("fineweb", 0.3, "kp", 0.7), [new LossConstraint("fineweb", 3.3, Always: true)]);
        SweepResult best = SweepOptimizer.Run(sweep, top: 10);   // best.Recommended, best.Best, best.Front, best.Closest

        // Fit (cptc fit): a law to training logs of the file's runs; the caller does the I/O
        var request = new FitRequest("fineweb", [new RunLog("fineweb_to_kp", "logs/run.csv", LossColumn: "val_loss")]);
        FitResponse fit = LawFitting.Fit(compilation, request, path => (SourceText.From(ReadLog(path), path), null));
        // fit.Outcome: the block as written (.Block), parameters, objective, metrics per run;
        // fit.Diagnostics: warnings and errors, each with the text (.cpt or log) it points into;
        // fit.RequestError: a problem with the request itself (unknown run, unreadable log)
        #endregion

        Assert.Empty(compilation.Diagnostics);
        Assert.Empty(predicted.Diagnostics);
        Assert.Empty(structural);
        Assert.Equal(2, table.Count);
        Assert.True(one.TryGetValue(out double at45k) && at45k > 0);
        Assert.Equal(plan.TotalSteps, all.Count);
        Assert.Equal(45_000, a.Step);
        Assert.NotNull(derived.Peak);
        Assert.Null(fit.RequestError);
        Assert.True(fit.Succeeded, string.Join("\n", fit.Diagnostics));
        Assert.StartsWith("law fineweb {", fit.Outcome!.Block);
        Assert.True(fit.Outcome.Fitted.Mae < 1e-4, $"MAE {fit.Outcome.Fitted.Mae} on the law's own curve");
        Assert.Single(fit.Runs);
        Assert.Empty(preset.Missing);
        Assert.NotNull(best.Recommended);
    }

    /// <summary>A CSV log of law 0 (fineweb) at evenly spaced steps.</summary>
    static string LogOf(LossPredictor predictor, int steps)
    {
        long total = predictor.Plan.TotalSteps;
        long[] at = [.. Enumerable.Range(1, steps).Select(i => total * i / steps)];
        var table = predictor.Predict(at);
        var text = new StringBuilder("step,val_loss\n");
        for (int i = 0; i < at.Length; i++)
            text.Append(CultureInfo.InvariantCulture, $"{at[i]},{table.Loss(0)[i]:R}\n");
        return text.ToString();
    }
}
