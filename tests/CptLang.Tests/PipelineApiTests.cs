using CptLang.Diagnostics;
using CptLang.Fitting;
using CptLang.Laws.Laws;
using CptLang.Predicting;
using CptLang.Text;

namespace CptLang.Tests;

/// <summary>The library's prediction and fitting entry points: a wrong request is a diagnostic
/// with a code (never an exception), and problems in a file or a log point into that text.</summary>
public class PipelineApiTests
{
    const string TwoStages = """
        run r {
          peak_lr 1e-3
          train web { warmup 100 steps  stable 900 steps }
          switch to code { decay 1k steps to 0 cosine }
        }
        law web { L0 = 2  A = 0.5  alpha = 0.5  C1 = 0.3  C2 = 0.3  B = 0.4  E = 30  beta = 0.2 }
        law code { L0 = 2  A = 0.5  alpha = 0.5  C1 = 0.3  C2 = 0.3  B = -0.5  E = 30  beta = 0.2 }
        """;

    static Compilation Compile(string text = TwoStages)
    {
        var compilation = Compilation.Create(text, "r.cpt");
        Assert.Empty(compilation.Diagnostics);
        return compilation;
    }

    [Theory]
    [InlineData("1000,40k,2_000", new long[] { 1000, 40_000, 2000 })]
    [InlineData(" 5 , 5,1M", new long[] { 5, 5, 1_000_000 })]
    public void Step_lists_read_the_languages_numbers(string text, long[] expected)
    {
        var (selection, error) = StepSelection.ParseAt(text);
        Assert.Null(error);
        Assert.Equal(expected, selection!.Steps!.Value);
        Assert.False(selection.KeySteps);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("abc")]
    [InlineData(",")]
    [InlineData("1e30")]
    public void A_step_list_with_a_non_step_is_CPT4004(string text)
    {
        var (selection, error) = StepSelection.ParseAt(text);
        Assert.Null(selection);
        Assert.Equal("CPT4004", error!.Code);
    }

    [Fact]
    public void Steps_are_checked_against_the_run_once_as_a_request_error()
    {
        var compilation = Compile();
        var plan = compilation.Plans[0];
        var outside = Prediction.Compute(compilation, plan, StepSelection.At([1, 2001]));
        Assert.Null(outside.Prediction);
        Assert.Equal("CPT4004", outside.RequestError!.Code);
        Assert.Contains("step 2,001 is outside run 'r'", outside.RequestError.Message);

        var long_ = Compile(TwoStages.Replace("1k steps to 0", "100B steps to 0"));
        var tooMany = Prediction.Compute(long_, long_.Plans[0], StepSelection.Every(1));
        Assert.Equal("CPT4005", tooMany.RequestError!.Code);
    }

    [Fact]
    public void Key_steps_are_labelled_once_and_evaluated_with_the_sample()
    {
        var compilation = Compile();
        var plan = compilation.Plans[0];
        var result = Prediction.Compute(compilation, plan, StepSelection.Default(keySteps: true));
        var prediction = result.Prediction!;
        var keys = prediction.KeySteps!;
        Assert.Contains(keys, k => k.Step == 1000 && k.Label.Contains("switch"));
        Assert.Contains(keys, k => k.Step == 2000 && k.Label == "end");
        var evaluated = Enumerable.Range(0, prediction.Table.Count).Select(prediction.Table.Areas.StepAt).ToHashSet();
        Assert.All(keys, k => Assert.Contains(k.Step, evaluated));
        Assert.Null(Prediction.Compute(compilation, plan, StepSelection.Default()).Prediction!.KeySteps);
    }

    [Fact]
    public void A_law_that_goes_negative_is_a_CPT3015_warning_at_its_declaration()
    {
        var compilation = Compile(TwoStages.Replace("L0 = 2  A = 0.5  alpha = 0.5  C1 = 0.3  C2 = 0.3  B = -0.5", "L0 = 0.1  A = 0.5  alpha = 0.5  C1 = 3  C2 = 3  B = -0.5"));
        var result = Prediction.Compute(compilation, compilation.Plans[0], StepSelection.Default());
        Assert.NotNull(result.Prediction);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("CPT3015", warning.Code);
        Assert.Equal("code", compilation.Text.ToString(warning.Span));
    }

    static FitResponse Fit(FitRequest request, Func<string, (SourceText?, Diagnostic?)>? readLog = null) =>
        LawFitting.Fit(Compile(), request, readLog ?? (path => (SourceText.From("step,loss\n200,3\n500,2.5\n1500,2.4\n", path), null)));

    [Theory]
    [InlineData("nope", "CPT4003")]
    [InlineData("9x", "CPT4110")]
    public void A_request_naming_no_run_or_no_valid_law_is_a_request_error(string name, string code)
    {
        var request = name == "nope" ? new FitRequest("web", [new RunLog(name, "a.csv")]) : new FitRequest(name, [new RunLog("r", "a.csv")]);
        var response = Fit(request);
        Assert.False(response.Succeeded);
        Assert.Equal(code, response.RequestError!.Code);
        Assert.Empty(response.Diagnostics);
    }

    [Fact]
    public void Options_are_checked_against_the_form()
    {
        var unknown = Fit(new FitRequest("web", [new RunLog("r", "a.csv")]) { Fixed = [new FixedParameter("zz", 1, "1")] });
        Assert.Contains("has no parameter 'zz'", unknown.RequestError!.Message);
        var outside = Fit(new FitRequest("web", [new RunLog("r", "a.csv")]) { Fixed = [new FixedParameter("alpha", 99, "99")] });
        Assert.Contains("--fix alpha=99 is outside", outside.RequestError!.Message);
        var size = Fit(new FitRequest("web", [new RunLog("r", "a.csv")]) { ModelSizes = [new RunModelSize("other", 1, "1M")] });
        Assert.Contains("is not a run given with --data", size.RequestError!.Message);
        var unsized = Fit(new FitRequest("web", [new RunLog("r", "a.csv")], LawForm.ModelSize));
        Assert.Contains("needs the model size of run 'r'", unsized.RequestError!.Message);
    }

    [Fact]
    public void A_log_error_points_into_the_log_and_an_unreadable_log_is_a_request_error()
    {
        var bad = Fit(new FitRequest("web", [new RunLog("r", "bad.csv")]), path => (SourceText.From("step,loss\n10,3\n10,2\n", path), null));
        var diagnostic = Assert.Single(bad.Diagnostics);
        Assert.Equal("CPT4104", diagnostic.Diagnostic.Code);
        Assert.Equal("bad.csv", diagnostic.Text.Path);
        Assert.StartsWith("bad.csv(3,1): error CPT4104", diagnostic.ToString());

        var missing = Fit(new FitRequest("web", [new RunLog("r", "gone.csv")]),
            path => (null, DiagnosticBuilder.At(default).CannotReadFile(path, "no such file")));
        Assert.Equal("CPT4001", missing.RequestError!.Code);
    }

    [Fact]
    public void A_fit_returns_the_block_and_each_runs_predicted_losses()
    {
        var response = Fit(new FitRequest("web", [new RunLog("r", "a.csv")]) { Write = true });
        Assert.True(response.Succeeded, string.Join("\n", response.Diagnostics));
        Assert.Equal("eq4", response.Outcome!.Form);
        var run = Assert.Single(response.Runs);
        Assert.Equal(3, run.Predicted.Length);
        Assert.Contains(response.Outcome.Block.TrimEnd('\n'), response.Rewritten);
        Assert.False(Compilation.Create(response.Rewritten!).HasErrors);
    }

    [Fact]
    public void A_run_that_ends_at_LR_0_has_no_recovery_after_it()
    {
        // the general loss rises after the switch and the run anneals to 0: holding LR 0, only
        // the annealing term would move the law's curve, which is not training
        var compilation = Compile("""
            run r {
              peak_lr 2e-4
              train fineweb { stable 36k steps  decay 4k steps to 0 linear }
              switch to kp { warmup 10 steps from 0 to 2e-4  decay 300 steps to 0 linear }
            }
            law fineweb { L0 = 3.057  A = 0.490  alpha = 0.497  C1 = 0.299  C2 = 1  B = 0.366  E = 28  beta = 0.189 }
            """);
        var turning = Prediction.Compute(compilation, compilation.Plans[0], StepSelection.Default()).Prediction!.Derived.Turning!;
        Assert.Equal(Laws.Derived.TurningOutcome.EndsAnnealed, turning.Outcome);
        Assert.Null(turning.ContinualSteps);
        Assert.True(turning.FinalLoss > turning.SwitchLoss);

        // the same run ending at a positive LR extrapolates at that LR, as before
        var held = Compile(compilation.Text.ToString().Replace("decay 300 steps to 0 linear", "decay 300 steps to 1e-5 linear"));
        var heldTurning = Prediction.Compute(held, held.Plans[0], StepSelection.Default()).Prediction!.Derived.Turning!;
        Assert.NotEqual(Laws.Derived.TurningOutcome.EndsAnnealed, heldTurning.Outcome);
    }

    [Fact]
    public void A_multi_power_general_law_gets_no_peak_or_turning_search()
    {
        // the searches rely on monotone terms; the MPL loss-drop term is not one
        var compilation = Compilation.Create("""
            run r {
              peak_lr 3e-4
              train web { warmup 100 steps  stable 5k steps  decay 1k steps to 3e-5 cosine }
              switch to code { warmup 100 steps to 1e-4  decay 2k steps to 0 }
            }
            law web mpl { L0 = 2.65  A = 0.6  alpha = 0.45  B = 438  C = 2.13  beta = 0.6  gamma = 0.655 }
            """, "r.cpt");
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var derived = Prediction.Compute(compilation, compilation.Plans[0], StepSelection.Default()).Prediction!.Derived;
        Assert.Null(derived.Peak);
        Assert.Null(derived.Turning);
        Assert.Contains(derived.Notes, n => n.Contains("Multi-Power Law"));
    }
}
