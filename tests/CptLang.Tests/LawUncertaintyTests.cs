using CptLang.Formatting;
using CptLang.Laws.Fitting;
using CptLang.Laws.Fitting.Uncertainty;
using CptLang.Laws.Laws;
using CptLang.Syntax;
using CptLang.Syntax.Factory;

namespace CptLang.Tests;

/// <summary>A law block's <c>uncertainty { … }</c> part (docs/language.md §7.8): kept character
/// for character by the parser, bound to the law, checked with coded diagnostics at their spans,
/// formatted idempotently, and written by <see cref="SyntaxFactory.Law"/> so that it binds back.</summary>
public class LawUncertaintyTests
{
    const string Valid = """
        law web {
          L0 = 2.9  A = 0.59  alpha = 0.76
          C = 0.47
          uncertainty {   // written by cptc fit
            runs = 2
            replicates = 100
            inflation = 1.5
            noise = 0.001
            reach = 7.5
            sd L0 = 0.04
            sd A = 0.04
            sd alpha = 0.08
            sd C = 0.03
            corr L0 A = -0.9
            corr L0 alpha = 0.8
            corr L0 C = 0.3
            corr A alpha = -0.7
            corr A C = -0.3
            corr alpha C = 0.1
          }
        }

        """;

    [Fact]
    public void A_valid_part_binds_to_the_law_in_the_form_order()
    {
        var compilation = DiagnosticAssert.Clean(Valid);
        Assert.Equal(Valid, compilation.SyntaxTree.Root.ToFullString());
        var law = Assert.Single(compilation.Bound.Laws);
        var u = Assert.IsType<ParameterUncertainty>(law.Uncertainty);
        Assert.Equal(["L0", "A", "alpha", "C"], u.Scales.Select(s => s.Key));
        Assert.Equal([0.04, 0.04, 0.08, 0.03], u.Scales.Select(s => s.Value));
        Assert.Equal((2, 100, 1.5, 0.001), (u.Runs, u.Replicates, u.Inflation, u.Noise));
        Assert.Equal(7.5, u.Reach);
        Assert.Equal(-0.9, u.CorrelationOf(0, 1));
        Assert.Equal(-0.9, u.CorrelationOf(1, 0));
        Assert.Equal(1, u.CorrelationOf(2, 2));
        Assert.True(u.IsValid);
    }

    [Fact]
    public void Formatting_keeps_the_part_and_is_idempotent()
    {
        string messy = Valid.Replace("    sd A = 0.04", "  sd   A=0.04").Replace("    runs = 2", "runs=2").Replace("  }\n}", "      }\n}");
        var once = Formatter.Format(SyntaxTree.Parse(Text.SourceText.From(messy)));
        Assert.Equal(Valid, once);
        Assert.Equal(once, Formatter.Format(SyntaxTree.Parse(Text.SourceText.From(once))));
    }

    [Fact]
    public void The_factory_writes_a_part_that_binds_back_to_the_same_values()
    {
        var u = Compilation.Create(Valid).Bound.Laws[0].Uncertainty!;
        var point = new LawParameters(LawForm.Annealing, new Dictionary<string, double> { ["L0"] = 2.9, ["A"] = 0.59, ["alpha"] = 0.76, ["C"] = 0.47 });
        string block = SyntaxFactory.Law("web", point, SourceStyle.FittedLaw, uncertainty: u);
        var back = DiagnosticAssert.Clean(block).Bound.Laws[0].Uncertainty!;
        Assert.Equal(u.Scales.Select(s => (s.Key, s.Value)), back.Scales.Select(s => (s.Key, s.Value)));
        Assert.Equal(u.Correlation.ToArray(), back.Correlation.ToArray());
        Assert.Equal((u.Noise, u.Runs, u.Replicates, u.Inflation, u.Reach), (back.Noise, back.Runs, back.Replicates, back.Inflation, back.Reach));
        Assert.Equal(block, Formatter.Format(SyntaxTree.Parse(Text.SourceText.From(block))));
    }

    /// <summary>The smallest complete part over L0 and A (the others held), with <paramref name="extra"/> lines.</summary>
    static string Part(string entries) => $$"""
        law web {
          L0 = 2.9  A = 0.59  alpha = 0.76  C = 0.47
          uncertainty {
            runs = 2  replicates = 100  inflation = 1  noise = 0.001
        {{entries}}
          }
        }
        """;

    [Fact]
    public void Parameters_without_a_scale_are_held()
    {
        var u = DiagnosticAssert.Clean(Part("    sd L0 = 0.1  sd A = 0.2  corr A L0 = 0.5")).Bound.Laws[0].Uncertainty!;
        Assert.Equal(["L0", "A"], u.Scales.Select(s => s.Key));
        Assert.Equal(0.5, u.CorrelationOf(0, 1));
    }

    [Fact]
    public void Unknown_part() => DiagnosticAssert.Reports("""
        law web {
          L0 = 2.9  A = 0.59  alpha = 0.76  C = 0.47
          [uncertainity] { noise = 0.1 }
        }
        """, "CPT2041");

    [Fact]
    public void Unknown_entry_and_wrong_number_of_names() => DiagnosticAssert.Reports(Part("""
            [sigma] L0 = 0.1
            [sd] L0 A = 0.1
            [corr] L0 = 0.5
            [noise] L0 = 0.1
            [corr] A A = 0.5
        """), "CPT2042", "CPT2042", "CPT2042", "CPT2042", "CPT2042");

    [Fact]
    public void Parameter_the_form_does_not_have() => DiagnosticAssert.Reports(Part("    sd L0 = 0.1  sd [C1] = 0.2"), "CPT2043");

    [Fact]
    public void Entries_and_parts_given_twice() => DiagnosticAssert.Reports("""
        law web {
          L0 = 2.9  A = 0.59  alpha = 0.76  C = 0.47
          uncertainty {
            runs = 2  replicates = 100  inflation = 1  noise = 0.001
            sd L0 = 0.1  sd A = 0.2  corr L0 A = 0.5
            [sd] L0 = 0.3
            [corr] A L0 = 0.4
          }
          [uncertainty] { }
        }
        """, "CPT2044", "CPT2044", "CPT2044");

    [Fact]
    public void Missing_settings_scales_or_correlations() => DiagnosticAssert.Reports("""
        law web {
          L0 = 2.9  A = 0.59  alpha = 0.76  C = 0.47
          [uncertainty] {
            runs = 2  replicates = 100  noise = 0.001
            sd L0 = 0.1  sd A = 0.2  sd C = 0.1
            corr L0 A = 0.5  corr alpha C = 0.1
          }
        }
        """, "CPT2045");

    [Fact]
    public void Correlations_that_no_distribution_has() => DiagnosticAssert.Reports(Part("""
            sd L0 = 0.1  sd A = 0.2  sd C = 0.1
            corr L0 A = 0.9  corr L0 C = 0.9  corr A C = -0.9
        """).Replace("  uncertainty", "  [uncertainty]"), "CPT2046");

    [Fact]
    public void Values_out_of_range() => DiagnosticAssert.Reports("""
        law web {
          L0 = 2.9  A = 0.59  alpha = 0.76  C = 0.47
          uncertainty {
            runs = [0.5]  replicates = [1]  inflation = [0.9]  noise = [-0.1]  reach = [0]
            sd L0 = [0]  sd A = 0.2  corr L0 A = [1]
          }
        }
        """, "CPT2047", "CPT2047", "CPT2047", "CPT2047", "CPT2047", "CPT2047", "CPT2047");

    [Fact]
    public void A_part_without_reach_binds_as_before_it_was_stored()
    {
        var u = DiagnosticAssert.Clean(Part("    sd L0 = 0.1  sd A = 0.2  corr A L0 = 0.5")).Bound.Laws[0].Uncertainty!;
        Assert.Null(u.Reach);
    }

    [Fact]
    public void Draws_are_deterministic_antithetic_and_have_the_stored_correlation()
    {
        var compilation = Compilation.Create(Valid);
        var law = compilation.Bound.Laws[0];
        var point = ((ParametricLaw)law.Definition).Parameters;
        var a = law.Uncertainty!.Draw(point, 4000, seed: 7);
        var b = law.Uncertainty!.Draw(point, 4000, seed: 7);
        Assert.Equal(a.Values.SelectMany(v => v), b.Values.SelectMany(v => v));
        Assert.Equal(a.NoiseDraws, b.NoiseDraws);
        // antithetic pairs: each odd draw mirrors the one before it around the point, in the
        // fitter's coordinates (ln A for A)
        var bounds = FitForm.For(point.Form).Bounds;
        for (int k = 0; k < 4; k++)
            Assert.Equal(bounds[k].ToSearch(point.Values[k]), (bounds[k].ToSearch(a.Values[0][k]) + bounds[k].ToSearch(a.Values[1][k])) / 2, 12);
        Assert.Equal(0, a.NoiseDraws[0] + a.NoiseDraws[1], 12);
        // 4,000 draws estimate a correlation to about ±0.03; the seed is fixed, so this is exact
        double Correlation(int i, int j)
        {
            double mi = a.Values.Average(v => v[i]), mj = a.Values.Average(v => v[j]);
            double c = a.Values.Sum(v => (v[i] - mi) * (v[j] - mj));
            return c / Math.Sqrt(a.Values.Sum(v => (v[i] - mi) * (v[i] - mi)) * a.Values.Sum(v => (v[j] - mj) * (v[j] - mj)));
        }
        Assert.InRange(Correlation(0, 1), -0.93, -0.87);
        Assert.InRange(Correlation(0, 2), 0.75, 0.85);
        Assert.InRange(Math.Sqrt(a.Values.Average(v => (v[0] - 2.9) * (v[0] - 2.9))), 0.038, 0.042);
    }
}
