using CptLang.Diagnostics;
using CptLang.Laws.Schedules;

namespace CptLang.Tests;

/// <summary>Three examples of the language (the first opens docs/language.md) are a contract: they compile and mean what their
/// comments say.</summary>
public class LanguageContractTests
{
    public const string Example1 = """
        // FineWeb pre-training, then continual pre-training on Knowledge-Pile
        run fineweb_to_kp {
          peak_lr 2e-4
          tokens_per_step 4M                     // lets lengths be given in tokens

          train fineweb {                        // first stage: data domain `fineweb`
            stable 36k steps at 2e-4             // hold 2e-4 for steps 1..36,000
            decay 4k steps to 0 linear           // 2e-4 → 0, reaching 0 at step 40,000
          }

          switch to kp {                         // domain switch after step 40,000
            warmup 1k steps from 0 to 2e-5       // re-warmup, linear by default
            decay 9k steps to 0 cosine
          }
        }

        law fineweb {                            // the validation set drawn from `fineweb`
          L0 = 3.057  A = 0.490  alpha = 0.497
          C1 = 0.299  C2 = 0.298
          B = 0.366   E = 28     beta = 0.189
        }

        law kp {
          L0 = 3.024  A = 0.412  alpha = 0.677
          C1 = 0.278  C2 = 0.324
          B = -0.666  E = 5662   beta = 0.146
        }

        """;

    public const string Example2 = """
        run web_to_code {
          peak_lr 3e-4
          tokens_per_step 2M

          train web {
            warmup 2k steps                      // from 0 to peak_lr, linear
            stable until 90k                     // hold until absolute step 90,000
            decay 10k steps to 10% 1-sqrt        // 10% = of peak_lr
          }

          switch to code {
            replay web 25%                       // a quarter of every CPT batch is `web` data
            warmup 500 steps to 30%
            stable 40B tokens                    // 40e9 / 2M = 20,000 steps
            decay 5k steps to 1% exponential     // geometric: 9e-5 → 3e-6
          }
        }

        """;

    public const string Example3 = """
        run broken {
          peak_lr 3e-4
          train web {
            warmup 2k steps
            decay 5k steps to 0 exponential
          }
        }

        """;

    /// <summary>Example 1 written out step by step is docs/laws.md §10 T1's schedule.</summary>
    [Fact]
    public void Example1_IsTheT1Schedule()
    {
        var plan = Assert.Single(DiagnosticAssert.Clean(Example1).Plans);
        Assert.Equal(50_000, plan.TotalSteps);
        Assert.Equal(40_000, plan.SwitchStep);
        Assert.Equal(["fineweb", "kp"], plan.Stages.Select(s => s.Domain));
        for (long i = 1; i <= 40_000; i += 37)
            Assert.Equal(i <= 36_000 ? 2e-4 : 2e-4 * (40_000 - i) / 4_000, plan.LearningRate(i), 1e-18);
        Assert.Equal(0, plan.LearningRate(40_000));
        for (long j = 1; j <= 10_000; j += 13)
        {
            double expected = j <= 1000 ? 2e-5 * j / 1000 : 1e-5 * (1 + Math.Cos(Math.PI * (j - 1000) / 9000));
            Assert.Equal(expected, plan.LearningRate(40_000 + j), 1e-18);
        }
        Assert.Equal(0, plan.LearningRate(50_000));
    }

    [Fact]
    public void Example2_ResolvesUnitsPercentagesAndReplay()
    {
        var plan = Assert.Single(DiagnosticAssert.Clean(Example2).Plans);
        Assert.Equal(3e-4 / 2000, plan.LearningRate(1), 1e-18);       // warmup from 0 to peak_lr
        Assert.Equal(3e-4, plan.LearningRate(2000));
        Assert.Equal(3e-4, plan.LearningRate(90_000));                 // stable until absolute step 90,000
        Assert.Equal(3e-5, plan.LearningRate(100_000), 1e-18);         // 10% of peak_lr, 1-sqrt
        Assert.Equal(3e-4 - (3e-4 - 3e-5) * Math.Sqrt(0.5), plan.LearningRate(95_000), 1e-15);
        Assert.Equal(100_000, plan.SwitchStep);
        Assert.Equal(0.25, plan.Continual!.ReplayRatio);
        Assert.Equal(9e-5, plan.LearningRate(100_500));                // warmup to 30%
        Assert.Equal(9e-5, plan.LearningRate(100_501));
        Assert.Equal(9e-5, plan.LearningRate(120_500));                // 40B tokens / 2M = 20,000 steps
        Assert.Equal(3e-6, plan.LearningRate(125_500));                // geometric 9e-5 → 3e-6
        Assert.Equal(Math.Sqrt(9e-5 * 3e-6), plan.LearningRate(123_000), 1e-18);
        Assert.Equal(125_500, plan.TotalSteps);
    }

    [Fact]
    public void Example3_ReportsTheZeroEndOfAnExponentialDecay()
    {
        var compilation = Compilation.Create(Example3, "broken.cpt");
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("CPT2001", diagnostic.Code);
        Assert.StartsWith("broken.cpt(5,23): error CPT2001: an exponential decay needs an end LR above 0",
            DiagnosticFormatter.Format(diagnostic, compilation.Text));
        Assert.Empty(compilation.Plans);
    }

    [Fact]
    public void Example1_FormatsToItself()
    {
        var tree = Syntax.SyntaxTree.Parse(Example1);
        Assert.Equal(Example1, Formatting.Formatter.Format(tree));
    }
}
