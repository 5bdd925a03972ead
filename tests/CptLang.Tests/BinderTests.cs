using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Tests;

/// <summary>Each mistake docs/language.md §8 lists, diagnosed with its own code at its exact span
/// (marked with [ ] in the source).</summary>
public class BinderTests
{
    const string WebLaw = """

        law web { L0 = 3 A = 0.5 alpha = 0.5 C1 = 0.3 C2 = 0.3 B = 0.3 E = 28 beta = 0.2 }
        """;

    [Fact]
    public void UnknownDomainInReplay() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train web { stable 1k steps } switch to code { replay [wbe] 10% stable 1k steps } }
        """, "CPT1009");

    [Fact]
    public void UnknownLawInWeightedSum() => DiagnosticAssert.Reports("law ood = 0.5 * [fineweb]" + WebLaw, "CPT1010");

    [Fact]
    public void DuplicateNames() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 [peak_lr] 2e-4 train a { stable 1k steps } }
        run [r] { peak_lr 1e-4 train a { stable 1k steps } }
        law k { L0 = 3 A = 1 alpha = 0.5 C = 0.2 [A] = 2 }
        law [k] { L0 = 3 A = 1 alpha = 0.5 C = 0.2 }
        """, "CPT1003", "CPT1001", "CPT1012", "CPT1002");

    [Fact]
    public void ZeroAndNegativeLengths() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train a { stable [0] steps decay [-5] steps to 0 } }
        """, "CPT2002", "CPT2002");

    [Fact]
    public void UntilBehindTheCurrentStep() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train a { stable 10k steps stable until [10k] } }
        """, "CPT2003");

    [Fact]
    public void NegativeNanAndNonNumericLearningRates() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train a { stable 1k steps at [-1e-4] stable 1k steps at [nan] decay 1k steps to [fast] } }
        """, "CPT2004", "CPT1005", "CPT1005");

    [Fact]
    public void DecayThatRisesAndWarmupThatFalls() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train a { stable 1k steps decay 1k steps to [2e-4] warmup 1k steps from 1e-4 to [1e-5] } }
        """, "CPT2005", "CPT2006");

    [Fact]
    public void ReplayOutsideItsRange() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train web { stable 1k steps } switch to code { replay web [100%] stable 1k steps } }
        run s { peak_lr 1e-4 train web { stable 1k steps } switch to code { replay web [-0.1] stable 1k steps } }
        """, "CPT2007", "CPT2007");

    [Fact]
    public void TokensWithoutTokensPerStep() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train a { stable [40B tokens] } }
        """, "CPT1018");

    [Fact]
    public void UnknownShapeAndParameter() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train a { stable 1k steps decay 1k steps to 0 [cosin] } }
        law k { L0 = 3 A = 1 [alpah] = 0.5 C = 0.2 }
        """, "CPT2008", "CPT1011");

    [Fact]
    public void LawMissingParametersOfItsForm() => DiagnosticAssert.Reports("""
        law [kp] { L0 = 3 A = 0.4 alpha = 0.6 C1 = 0.3 C2 = 0.3 B = -0.6 E = 5662 }
        """, "CPT3001");

    [Fact]
    public void SecondDomainSwitch() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train a { stable 1k steps } switch to b { stable 1k steps } [switch to c] { stable 1k steps } }
        """, "CPT2011");

    [Fact]
    public void ReplayWithoutReplayLaw() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train web { stable 1k steps } switch to code { [replay web 25%] stable 1k steps } }
        """ + WebLaw, "CPT3016");

    [Fact]
    public void GeometricShapesNeedPositiveEnds() => DiagnosticAssert.Reports("""
        run r { peak_lr 1e-4 train a { stable 1k steps decay 1k steps to [0] inverse-sqrt } }
        """, "CPT2001");

    [Fact]
    public void JumpsAndRewarmupAboveThePeakAreWarnings()
    {
        var compilation = DiagnosticAssert.Reports("""
            run r { peak_lr 1e-4 train a { stable 1k steps decay 1k steps from [5e-5] to 0 } switch to b { warmup 1k steps to [2e-4] } }
            """, "CPT2020", "CPT2021");
        Assert.Single(compilation.Plans);
    }

    [Fact]
    public void TokenLengthsRoundToWholeStepsWithAWarning()
    {
        var compilation = DiagnosticAssert.Reports("""
            run r { peak_lr 1e-4 tokens_per_step 4M train a { stable [1.001B tokens] } }
            """, "CPT2024");
        Assert.Equal(250, Assert.Single(compilation.Plans).TotalSteps);
    }

    [Fact]
    public void HugeNumbersAndStepCounts() => DiagnosticAssert.Reports("""
        run r { peak_lr [1e400] train a { stable [99999999999999999999 steps] } }
        """, "CPT1006", "CPT2019");

    [Fact]
    public void DropsHoldTheirLevelUntilTheNextPhase()
    {
        var plan = Assert.Single(DiagnosticAssert.Clean("""
            run r { peak_lr 1e-3 train a { stable 8k steps drop to 10% stable 1k steps drop to 1% stable 1k steps } }
            """).Plans);
        Assert.Equal(1e-3, plan.LearningRate(8000));
        Assert.Equal(1e-4, plan.LearningRate(8001));
        Assert.Equal(1e-5, plan.LearningRate(10_000));
        Assert.Equal(3, plan.Segments.Length);
    }

    [Fact]
    public void SettingsApplyAtFileLevelAndRunsOverrideThem()
    {
        var plans = DiagnosticAssert.Clean("""
            lambda 0.99
            s2_split source
            run a { peak_lr 1e-4 train d { stable 1k steps } }
            run b { peak_lr 1e-4 warmup_area actual lambda 0.995 train d { stable 1k steps } }
            """).Plans;
        Assert.Equal((0.99, S2Split.Source, WarmupArea.Peak),
            (plans[0].Settings.Lambda, plans[0].Settings.S2Split, plans[0].Settings.WarmupArea));
        Assert.Equal((0.995, S2Split.Source, WarmupArea.Actual),
            (plans[1].Settings.Lambda, plans[1].Settings.S2Split, plans[1].Settings.WarmupArea));
    }

    [Fact]
    public void LawFormFollowsFromTheParameters()
    {
        var laws = DiagnosticAssert.Clean("""
            law a { L0 = 3 A = 1 alpha = 0.5 C = 0.2 }
            law b { L0 = 3 A = 1 alpha = 0.5 C1 = 0.2 C2 = 0.2 B = 0.3 E = 28 beta = 0.2 }
            law c { L0 = 3 A = 1 alpha = 0.5 C1 = 0.2 C2 = 0.2 B = 0.3 E = 28 beta = 0.2 N = 106M F = 3 gamma1 = 0.2 gamma2 = 0.2 gamma3 = 0.2 }
            law d = 0.5 * a - 0.25 * b
            """).Laws;
        var forms = laws.OfType<ParametricLaw>().Select(l => l.Parameters.Form).ToList();
        Assert.Equal([LawForm.Annealing, LawForm.Cpt, LawForm.ModelSize], forms);
        Assert.Equal(106, laws.OfType<ParametricLaw>().Last().Parameters["N"], 12);
        var sum = Assert.IsType<WeightedSumLaw>(laws[^1]);
        Assert.Equal([(0.5, "a"), (-0.25, "b")], sum.Terms.Select(t => (t.Weight, t.Law)));
    }
}
