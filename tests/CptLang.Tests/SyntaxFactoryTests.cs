using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Plan;
using CptLang.Syntax.Factory;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Tests;

/// <summary>SyntaxFactory's text compiles back to what it was built from, in each style's layout.</summary>
public class SyntaxFactoryTests
{
    static SourceRun Sample(long warmup) => new("r-1", [SourceSetting.Of("peak_lr", 3e-4), SourceSetting.Of("warmup_area", "actual")],
    [
        new SourceStage.Train("web", [new SourcePhase.Stable(1, 1e-5), new SourcePhase.Warmup(warmup, 1e-5, 3e-4, Shape.SqrtOfOneMinus),
            new SourcePhase.Decay(100, null, 1e-4, Shape.Polynomial, 2)]),
        new SourceStage.SwitchTo("knowledge-pile", [new SourcePhase.Drop(5e-5), new SourcePhase.Stable(10, 5e-5),
            new SourcePhase.Decay(40, 4e-5, 0, Shape.Cosine)], ("web", 12.5)),
    ]);

    [Fact]
    public void EachStyleKeepsItsLayout()
    {
        Assert.Equal("""
            // one
            // two
            run r-1 {
              peak_lr 0.0003
              warmup_area actual

              train web {
                stable 1 step at 1e-05
                warmup 1 step from 1e-05 to 0.0003 1-sqrt
                decay 100 steps to 0.0001 polynomial(2)
              }
              switch to knowledge-pile {
                replay web 12.5%
                drop to 5e-05
                stable 10 steps at 5e-05
                decay 40 steps from 4e-05 to 0 cosine
              }
            }

            """, SyntaxFactory.Run(Sample(1), SourceStyle.Import, ["one", "two"]));
        string emitted = SyntaxFactory.Run(Sample(1), SourceStyle.Emit);
        Assert.Contains("  peak_lr 0.0003\n  warmup_area actual\n  train web {\n    stable 1 steps at 1e-05\n", emitted);
    }

    [Fact]
    public void ARunCompilesToThePhasesItWasBuiltFrom()
    {
        var compilation = Compilation.Create(SyntaxFactory.Run(Sample(20), SourceStyle.Import));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var plan = compilation.Plans.Single();
        Assert.Equal(("r-1", 3e-4, WarmupArea.Actual), (plan.Run, plan.PeakLr, plan.Settings.WarmupArea));
        Assert.Equal(["web", "knowledge-pile"], plan.Stages.Select(s => s.Domain));
        Assert.Equal(0.125, plan.Stages[1].ReplayRatio);
        Assert.Equal(
            [(1L, Shape.Constant, 1e-5, 1e-5), (20, Shape.SqrtOfOneMinus, 1e-5, 3e-4), (100, Shape.Polynomial, 3e-4, 1e-4),
             (10, Shape.Constant, 5e-5, 5e-5), (40, Shape.Cosine, 4e-5, 0)],
            plan.Segments.Select(s => (s.Length, s.Kernel.Shape, s.Kernel.From, s.Kernel.To)));
    }

    /// <summary>optimize --emit: every example's runs, written back, give the same schedule (to the ten digits written).</summary>
    [Fact]
    public void EmittedRunsCompileToTheSamePlan()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Examples, "*.cpt"))
            foreach (var plan in Compilation.Create(File.ReadAllText(file)).Plans)
            {
                var back = Compilation.Create(RunBlockWriter.Write(plan, plan.Run, "from " + Path.GetFileName(file)));
                Assert.False(back.HasErrors, $"{file}: {string.Join("; ", back.Diagnostics.Select(d => d.Message))}");
                var again = back.Plans.Single();
                Assert.Equal((plan.PeakLr, plan.TokensPerStep, plan.Settings), (again.PeakLr, again.TokensPerStep, again.Settings));
                Assert.Equal(plan.Stages.Select(s => (s.Kind, s.Domain, s.ReplayRatio)), again.Stages.Select(s => (s.Kind, s.Domain, s.ReplayRatio)));
                Assert.Equal(plan.Segments.Select(s => (s.FirstStep, s.LastStep)), again.Segments.Select(s => (s.FirstStep, s.LastStep)));
                foreach (var (a, b) in plan.Segments.Zip(again.Segments))
                    foreach (long k in new[] { 1, a.Length / 2 + 1, a.Length })
                        Assert.Equal(a.Kernel.LearningRate(k, a.Length), b.Kernel.LearningRate(k, b.Length), 1e-9 * plan.PeakLr);
            }
    }

    [Theory]
    [InlineData(LawForm.Annealing)]
    [InlineData(LawForm.Cpt)]
    [InlineData(LawForm.Replay)]
    [InlineData(LawForm.ModelSize)]
    [InlineData(LawForm.OpenModel)]
    public void ALawBlockBindsToItsParameters(LawForm form)
    {
        var all = new Dictionary<string, double>
        {
            [L0] = 2.5, [A] = 0.41, [Alpha] = 0.53, [C] = 0.3, [C1] = 0.2, [C2] = 0.4, [B] = 250, [E] = 1.8, [Beta] = 0.3,
            [A1] = 0.5, [A2] = 0.2, [N] = 106, [F] = 1.2, [Gamma1] = 0.1, [Gamma2] = 0.2, [Gamma3] = 0.3, [S1pt] = 3000,
        };
        var parameters = new LawParameters(form, LawParameterNames.Of(form).ToDictionary(n => n, n => all[n]));
        string text = SyntaxFactory.Law("kp", parameters, SourceStyle.FittedLaw);
        var compilation = Compilation.Create(text);
        Assert.False(compilation.HasErrors, text);
        var law = Assert.IsType<ParametricLaw>(compilation.Laws.Single());
        Assert.Equal(parameters, law.Parameters);
        Assert.Equal(form == LawForm.ModelSize, text.Contains("N      = 106M", StringComparison.Ordinal) || text.Contains("N = 106M", StringComparison.Ordinal));
    }

    [Fact]
    public void A_law_blocks_own_lambda_is_written_and_binds_back()
    {
        var parameters = new LawParameters(LawForm.Annealing, new Dictionary<string, double> { [L0] = 2.5, [A] = 0.41, [Alpha] = 0.53, [C] = 0.3 }) { Lambda = 0.9008 };
        string text = SyntaxFactory.Law("web", parameters, SourceStyle.FittedLaw);
        Assert.Contains("  lambda = 0.9008\n", text);
        var law = Assert.IsType<ParametricLaw>(Compilation.Create(text).Laws.Single());
        Assert.Equal(parameters, law.Parameters);
        Assert.NotEqual(parameters with { Lambda = null }, law.Parameters);
    }

    [Fact]
    public void AWeightedSumBindsToItsWeights()
    {
        string text = SyntaxFactory.WeightedSum("ood", [new("web", -0.25), new("kp", 1.5), new("code", 2e-7)], SourceStyle.FittedLaw);
        Assert.Equal("law ood = -0.25 * web + 1.5 * kp + 2e-7 * code\n", text);
        string laws = string.Concat(new[] { "web", "kp", "code" }.Select(n => $"law {n} {{ L0 = 1  A = 1  alpha = 0.5  C = 0.1 }}\n"));
        var compilation = Compilation.Create(laws + text);
        Assert.False(compilation.HasErrors, string.Join("; ", compilation.Diagnostics.Select(d => d.Message)));
        var law = Assert.IsType<WeightedSumLaw>(compilation.Laws[^1]);
        Assert.Equal([(-0.25, "web"), (1.5, "kp"), (2e-7, "code")], law.Terms.Select(t => (t.Weight, t.Law)));
    }
}
