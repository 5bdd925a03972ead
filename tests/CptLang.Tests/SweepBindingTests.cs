using CptLang.Laws.Planning;
using CptLang.Laws.Schedules;

namespace CptLang.Tests;

/// <summary>What a sweep binds to: axis values in the run's units, the objective, the requirements.</summary>
public class SweepBindingTests
{
    const string Run = """
        run r {
          peak_lr 2e-4
          tokens_per_step 4M
          train web { stable 10k steps  decay 1k steps to 0 }
          switch to code { warmup 100 steps to 2e-5  decay 2k steps to 0 }
        }
        law web = paper.fig19.general { beta = 0.005 }
        law code = paper.fig19.domain { beta = 0.005 }

        """;

    static SweepProblem Bind(string sweep)
    {
        var compilation = Compilation.Create(Run + sweep, "main.cpt");
        Assert.Empty(compilation.Diagnostics);
        return Assert.Single(compilation.Sweeps).Problem;
    }

    [Fact]
    public void Axis_values_are_read_in_the_runs_units()
    {
        var problem = Bind("""
            sweep r {
              cpt_peak_lr 5% to 20% step 5%
              cpt_tokens 20B, 40B
              replay web 0% to 30% step 10%
              decay_shape cosine, polynomial(2)
              loss_potential 0, .5
            }
            """);
        Assert.Equal(new[] { AxisKind.CptPeakLr, AxisKind.CptSteps, AxisKind.ReplayRatio, AxisKind.DecayShape, AxisKind.LossPotential }, problem.Axes.Select(a => a.Kind));
        Assert.Equal(new[] { 1e-5, 2e-5, 3e-5, 4e-5 }, problem.Axes[0].Values.ToArray(), new Tolerance(1e-18));
        Assert.True(problem.Axes[0].IsContinuous);
        Assert.Equal(new[] { 5000.0, 10000.0 }, problem.Axes[1].Values.ToArray()); // 20B tokens / 4M per step
        Assert.False(problem.Axes[1].IsContinuous);
        Assert.Equal(new[] { 0, 0.1, 0.2, 0.3 }, problem.Axes[2].Values.ToArray(), new Tolerance(1e-15));
        Assert.Equal(new[] { new ShapeChoice(Shape.Cosine), new ShapeChoice(Shape.Polynomial, 2) }, problem.Axes[3].Shapes.ToArray());
        Assert.Equal(4 * 2 * 4 * 2 * 2, problem.Count);
        // no `minimize`: the general and domain laws, balanced
        Assert.Equal(new[] { new ObjectiveTerm("web", 0.5), new ObjectiveTerm("code", 0.5) }, problem.Objective.Terms.ToArray());
    }

    [Fact]
    public void Objective_and_requirements_bind_to_the_engines_terms()
    {
        var problem = Bind("""
            sweep r {
              cpt_steps 1k to 3k step 1k
              minimize 30% * web + 70% * code
              require web peak <= 3.4
              require code <= 2.9
              require turning_length <= 5k
              require cpt_tokens <= 10B
            }
            """);
        Assert.Equal(new[] { new ObjectiveTerm("web", 0.3), new ObjectiveTerm("code", 0.7) }, problem.Objective.Terms.ToArray());
        Assert.Equal(
            new Constraint[] { new LossConstraint("web", 3.4, Always: true), new LossConstraint("code", 2.9, Always: false),
             new TurningLengthConstraint(5000), new CptTokensConstraint(10e9, 4e6) },
            problem.Constraints.ToArray());
    }

    [Fact]
    public void A_file_with_errors_hands_out_no_sweep()
    {
        var compilation = Compilation.Create(Run + "sweep r { cpt_peak_lr 0, 1e-5 }", "main.cpt");
        Assert.Contains(compilation.Diagnostics, d => d.Code == "CPT2103");
        Assert.Empty(compilation.Sweeps);
    }

    sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
        public int GetHashCode(double obj) => 0;
    }
}
