using System.Text.Json;

namespace Cptc.Tests;

/// <summary>
/// Every number of docs/laws.md §10, reproduced end to end: a .cpt file written as a user would, run
/// through `cptc predict --format json`, read back, compared to 1e-4 absolute.
/// </summary>
public class PredictRegressionTests
{
    const double Tolerance = 1e-4;

    const string Fig3Laws = """
        law fineweb {
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

    /// <summary>T1: the opening example of docs/language.md is the T1 schedule.</summary>
    const string T1 = """
        run t1 {
          peak_lr 2e-4
          train fineweb {
            stable 36k steps at 2e-4
            decay 4k steps to 0 linear
          }
          switch to kp {
            warmup 1k steps from 0 to 2e-5
            decay 9k steps to 0 cosine
          }
        }

        """ + Fig3Laws;

    static JsonElement Predict(string source, params string[] options)
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run(["predict", dir.File("run.cpt", source), "--format", "json", .. options]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    static double Loss(JsonElement json, string law, long step)
    {
        var steps = json.GetProperty("steps").EnumerateArray().Select(s => s.GetInt64()).ToList();
        int row = steps.IndexOf(step);
        Assert.True(row >= 0, $"step {step} not in the output");
        return json.GetProperty("losses").GetProperty(law)[row].GetDouble();
    }

    [Theory]
    [InlineData(40_000, 3.19069, 3.08641)]
    [InlineData(41_000, 3.20023, 2.78109)]
    [InlineData(45_000, 3.25162, 2.68208)]
    [InlineData(50_000, 3.25686, 2.66784)]
    public void T1_LossesAtTheTableSteps(long step, double general, double domain)
    {
        var json = Predict(T1, "--at", $"{step}");
        Assert.Equal(general, Loss(json, "fineweb", step), Tolerance);
        Assert.Equal(domain, Loss(json, "kp", step), Tolerance);
    }

    [Fact]
    public void T1_SourceSplit()
    {
        var json = Predict("s2_split source\n" + T1, "--at", "50000");
        Assert.Equal(3.25681, Loss(json, "fineweb", 50_000), Tolerance);
        Assert.Equal(2.67010, Loss(json, "kp", 50_000), Tolerance);
        Assert.Equal("source", json.GetProperty("settings").GetProperty("s2Split").GetString());
    }

    [Fact]
    public void T1_DerivedSwitchAndEndLosses()
    {
        var derived = Predict(T1).GetProperty("derived");
        Assert.Equal(3.19069, derived.GetProperty("atSwitch").GetProperty("losses").GetProperty("fineweb").GetDouble(), Tolerance);
        Assert.Equal(3.08641, derived.GetProperty("atSwitch").GetProperty("losses").GetProperty("kp").GetDouble(), Tolerance);
        Assert.Equal(2.66784, derived.GetProperty("atEnd").GetProperty("losses").GetProperty("kp").GetDouble(), Tolerance);
        Assert.Equal(0, derived.GetProperty("lossPotential").GetProperty("value").GetDouble());
    }

    [Theory]
    [InlineData(100, 3.33192, 2.85209)]
    [InlineData(1_000, 3.40692, 2.75247)]
    [InlineData(10_000, 3.45366, 2.65093)]
    [InlineData(40_000, 3.43401, 2.57383)]
    public void T2_ConstantLearningRateInBothPhases(long t, double general, double domain)
    {
        const string source = """
            run t2 {
              peak_lr 2e-4
              train fineweb { stable 20k steps }
              switch to kp { stable 40k steps }
            }

            """ + Fig3Laws;
        var json = Predict(source, "--at", $"{20_000 + t}");
        Assert.Equal(general, Loss(json, "fineweb", 20_000 + t), Tolerance);
        Assert.Equal(domain, Loss(json, "kp", 20_000 + t), Tolerance);
    }

    [Theory]
    [InlineData("0%", 3.0705, 3.1761, 0)]
    [InlineData("10%", 2.6671, 3.2567, 0.1)]
    [InlineData("50%", 2.6069, 3.3181, 0.5)]
    [InlineData("100%", 2.5814, 3.3401, 1)]
    public void T4_LossPotential(string endOfPretraining, double domain, double general, double lossPotential)
    {
        string source = $$"""
            run t4 {
              peak_lr 2e-4
              train fineweb {
                stable 36k steps
                decay 4k steps to {{endOfPretraining}}
              }
              switch to kp { decay 10k steps to 0 }
            }

            """ + Fig3Laws;
        var json = Predict(source, "--at", "50000");
        Assert.Equal(domain, Loss(json, "kp", 50_000), Tolerance);
        Assert.Equal(general, Loss(json, "fineweb", 50_000), Tolerance);
        Assert.Equal(lossPotential, json.GetProperty("derived").GetProperty("lossPotential").GetProperty("value").GetDouble(), 12);
    }

    [Theory]
    [InlineData(2_000, "within", 509L)]
    [InlineData(5_000, "within", 8_420L)]
    [InlineData(20_000, "never", null)]
    public void TurningLength(long pretrainingSteps, string outcome, long? turningLength)
    {
        string source = $$"""
            run turning {
              peak_lr 2e-4
              train fineweb { stable {{pretrainingSteps}} steps }
              switch to kp { stable 20k steps }
            }

            """ + Fig3Laws;
        var turning = Predict(source).GetProperty("derived").GetProperty("turningLength");
        Assert.Equal(outcome, turning.GetProperty("outcome").GetString());
        if (turningLength is { } t) Assert.Equal(t, turning.GetProperty("continualSteps").GetInt64());
        else Assert.Equal(JsonValueKind.Null, turning.GetProperty("continualSteps").ValueKind);
    }

    [Fact]
    public void TurningLength_PeakOfThe5000StepRun()
    {
        const string source = """
            run turning {
              peak_lr 2e-4
              train fineweb { stable 5k steps }
              switch to kp { stable 20k steps }
            }

            """ + Fig3Laws;
        var peak = Predict(source).GetProperty("derived").GetProperty("peak");
        Assert.Equal(3.6146, peak.GetProperty("loss").GetDouble(), Tolerance);
        Assert.Equal(1_146, peak.GetProperty("continualSteps").GetInt64());
    }

    /// <summary>S2 saturation, read through an annealing law with A = 0 and C = 1: L = 1 − S2.</summary>
    [Theory]
    [InlineData(2, 0.0002)]
    [InlineData(11, 0.001991)]
    [InlineData(1_001, 0.126461)]
    [InlineData(5_001, 0.198656)]
    [InlineData(20_001, 0.2)]
    public void S2Saturation(long step, double s2)
    {
        const string source = """
            run saturation {
              peak_lr 2e-4
              train web {
                stable 1 steps          // 2e-4 at step 1 only
                drop to 0
                stable 20k steps
              }
            }
            law web { L0 = 1  A = 0  alpha = 0.5  C = 1 }
            """;
        var json = Predict(source, "--at", $"{step}");
        Assert.Equal(s2, 1 - Loss(json, "web", step), 1e-6);
    }
}
