using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace Cptc.Tests;

/// <summary>Extreme numbers (issue 11): a value never depends on which other steps are asked,
/// refinement never recommends what the grid would leave out, and nothing overflows silently.</summary>
public class HostileNumbersTests
{
    static string LawWithB(string b) => $$"""
        run r {
          peak_lr 2e-4
          train fineweb { stable 12k steps }
          switch to kp { stable 1k steps }
        }
        law kp {
          L0 = 2.0  A = 0.5  alpha = 0.5
          C1 = 0.3  C2 = 0.3
          B = {{b}}  E = 28  beta = 0.189
        }

        """;

    static Dictionary<long, string> Csv(string file, string steps)
    {
        var result = CliRunner.Run("predict", file, "--at", steps, "--format", "csv");
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')).ToDictionary(cells => long.Parse(cells[0], CultureInfo.InvariantCulture), cells => cells[2]);
    }

    [Fact]
    public void A_huge_shift_coefficient_does_not_cancel_the_steps_before_the_switch()
    {
        using var dir = new TempDirectory();
        string file = dir.File("b.cpt", LawWithB("1e20"));
        Assert.Equal(Csv(file, "1")[1], Csv(file, "1,12100")[1]);
        Assert.NotEqual("0", Csv(file, "1,12100")[1]);
    }

    [Fact]
    public void A_steps_value_does_not_depend_on_the_other_steps_asked()
    {
        using var dir = new TempDirectory();
        var files = new[] { "1e20", "-3e15", "0.366" }.Select(b => dir.File($"b{b}.cpt", LawWithB(b))).ToArray();
        (from f in Gen.Int[0, files.Length - 1] from step in Gen.Long[1, 13_000] from others in Gen.Long[1, 13_000].Array[1, 6]
         select (f, step, others))
            .Sample(x =>
            {
                string alone = Csv(files[x.f], x.step.ToString(CultureInfo.InvariantCulture))[x.step];
                string together = Csv(files[x.f], string.Join(',', x.others.Append(x.step)))[x.step];
                return alone == together;
            }, iter: 60);
    }

    [Fact]
    public void Refinement_keeps_to_the_candidates_the_grid_would_keep()
    {
        using var dir = new TempDirectory();
        // C2 = 20: a deep enough CPT decay drives the general law below 0; the grid leaves those
        // candidates out, and refinement must not settle on the edge where the loss reaches 0
        string file = dir.File("o.cpt", """
            run r {
              peak_lr 2e-4
              train fineweb { stable 36k steps  decay 4k steps to 0 }
              switch to kp { warmup 1k steps to 2e-5  decay 9k steps to 0 cosine }
            }
            law fineweb {
              L0 = 3.057  A = 0.490  alpha = 0.497
              C1 = 0.299  C2 = 20
              B = 0.366   E = 28     beta = 0.189
            }
            law kp = paper.fig3.domain
            sweep r {
              cpt_peak_lr 1e-5 to 2e-4 step 1e-5
              loss_potential 0% to 100% step 25%
              minimize 0.3 * fineweb + 0.7 * kp
            }

            """);
        var result = CliRunner.Run("optimize", file, "--format", "json", "--top", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        double general = json.RootElement.GetProperty("recommended").GetProperty("generalLoss").GetDouble();
        double gridBest = json.RootElement.GetProperty("best")[0].GetProperty("generalLoss").GetDouble();
        Assert.True(general > gridBest / 2, $"refined general loss {general}, best grid candidate's {gridBest}");
    }

    [Fact]
    public void An_implausibly_small_learning_rate_is_warned_about_and_tables_print_no_300_digit_numbers()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("predict", dir.File("t.cpt", "run x {\n  peak_lr 1e-300\n  train fineweb { stable 100 steps }\n}\nlaw fineweb = paper.fig3.general\n"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning CPT2040", result.Error);
        Assert.Contains("6.16873E+148", result.Out);
        Assert.DoesNotMatch(@"\d{20}", result.Out);
    }

    [Fact]
    public void Huge_logged_losses_give_a_finite_rmse()
    {
        using var dir = new TempDirectory();
        string file = dir.File("f.cpt", "run x {\n  peak_lr 1e-4\n  train web { stable 1000 steps }\n}\n");
        string log = dir.File("big.csv", "step,loss\n100,1e200\n500,2e200\n900,3e200\n");
        var text = CliRunner.Run("fit", file, "--law", "web", "--data", $"x={log}", "--form", "eq1");
        Assert.True(text.ExitCode == 0, text.Error);
        HostileInputTests.AssertNoCrash(text, "fit of 1e200 losses");
        Assert.DoesNotMatch(@"\d{20}", text.Out);
        var json = CliRunner.Run("fit", file, "--law", "web", "--data", $"x={log}", "--form", "eq1", "--format", "json");
        using var document = JsonDocument.Parse(json.Out);
        Assert.True(double.IsFinite(document.RootElement.GetProperty("fitted").GetProperty("rmse").GetDouble()));
    }
}

/// <summary>Messages of issue 11 outside the files and logs.</summary>
public class HostileMessagesTests
{
    [Fact]
    public void A_run_too_long_is_reported_once_not_per_later_phase()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("check", dir.File("long.cpt", "run x {\n  peak_lr 1e-4\n  train web {\n    stable 6e14 steps\n    stable 6e14 steps\n    stable 6e14 steps\n    stable 6e14 steps\n  }\n}\n"));
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'), line => line.Contains("CPT2019"));
    }
}
