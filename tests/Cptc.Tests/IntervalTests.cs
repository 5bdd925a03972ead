using System.Globalization;
using System.Text;
using System.Text.Json;
using CptLang;
using CptLang.Laws.Fitting.Uncertainty;
using CptLang.Laws.Laws;

namespace Cptc.Tests;

/// <summary>
/// Parameter uncertainty end to end (docs/laws.md §9.1): <c>cptc fit</c> writes the
/// <c>uncertainty</c> part, <c>cptc predict --interval</c> turns it into bands whose coverage of
/// held-out logged points is checked on logs made from a known law with seeded autocorrelated
/// noise, and <c>cptc optimize</c> compares candidates on shared samples.
/// </summary>
public class IntervalTests
{
    /// <summary>Eq. 1 with the parameters of docs/laws.md §9's walkthrough.</summary>
    const string Truth = "law web {\n  L0 = 2.907  A = 0.5929  alpha = 0.7584\n  C = 0.4687\n}\n";

    const string Runs = """
        run constant {
          peak_lr 3e-4
          train web { warmup 500 steps stable until 12000 }
        }
        run cosine {
          peak_lr 3e-4
          train web { warmup 500 steps decay until 12000 to 3e-5 cosine }
        }
        run wsd {
          peak_lr 3e-4
          train web { warmup 500 steps stable until 9000 decay until 12000 to 3e-5 }
        }
        run stepdrop {
          peak_lr 3e-4
          train web { warmup 500 steps stable until 4000 drop to 6e-5 stable until 12000 }
        }

        """;

    /// <summary>Logs of every run every 100 steps: the law times <c>exp(e)</c> with AR(1) noise
    /// <c>e</c> (correlation 0.8 from one row to the next, standard deviation 0.002): noise that,
    /// like a real log's, stays on one side of the curve for many rows.</summary>
    static Dictionary<string, string> Logs(TempDirectory dir, int seed)
    {
        var random = new Random(seed);
        const double Rho = 0.8, Sigma = 0.002;
        double state = 0;
        return SyntheticLogs.Write(dir, Runs + Truth, every: 100, loss: (plan, step, clean) =>
        {
            // one AR(1) chain per run: the state restarts at the first logged step
            if (step == 100) state = Sigma * Normal(random);
            else state = Rho * state + Math.Sqrt(1 - Rho * Rho) * Sigma * Normal(random);
            return clean * Math.Exp(state);
        });
    }

    static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Fits <c>web</c> (Eq. 1) on constant, cosine and wsd with --write; returns the file.</summary>
    static (string Cpt, Dictionary<string, string> Logs, CliResult Fit) Fitted(TempDirectory dir, int seed, params string[] options)
    {
        var logs = Logs(dir, seed);
        string cpt = dir.File("runs.cpt", Runs);
        Assert.Equal(0, CliRunner.Run("fmt", cpt).ExitCode);
        var fit = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "eq1",
            .. SyntheticLogs.Data(logs.Where(l => l.Key != "stepdrop").ToDictionary()), "--write", .. options]);
        Assert.True(fit.ExitCode == 0, fit.Error);
        return (cpt, logs, fit);
    }

    [Fact]
    public void Fit_writes_an_uncertainty_part_that_compiles()
    {
        using var dir = new TempDirectory();
        var (cpt, _, fit) = Fitted(dir, seed: 1, "--format", "json");
        var compilation = Compilation.Create(File.ReadAllText(cpt), cpt);
        Assert.False(compilation.HasErrors);
        var u = Assert.IsType<ParameterUncertainty>(compilation.Bound.Laws.Single().Uncertainty);
        Assert.Equal(["L0", "A", "alpha", "C"], u.Scales.Select(s => s.Key));
        Assert.Equal((3, 100), (u.Runs, u.Replicates));
        Assert.True(u.Inflation >= 1);
        // the noise estimate is near the logs' (0.002 in ln loss)
        Assert.InRange(u.Noise, 0.001, 0.004);
        // reach: the forward area at the fitted runs' last logged step, 12,000 at 3e-4 (the warmup
        // counted at its peak) for the constant run, the furthest
        Assert.Equal(12_000 * 3e-4, u.Reach!.Value, 9);
        var json = JsonDocument.Parse(fit.Out).RootElement.GetProperty("uncertainty");
        Assert.Equal(100, json.GetProperty("replicates").GetInt32());
        Assert.Equal(u.Reach!.Value, json.GetProperty("reach").GetDouble(), 9);
        Assert.Equal(u.Scales[0].Value, json.GetProperty("sd").GetProperty("L0").GetDouble());
        // cptc fmt leaves a written file as it is
        var check = CliRunner.Run("fmt", "--check", cpt);
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
    }

    [Fact]
    public void Fit_is_deterministic_and_replicates_0_writes_no_part()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var (a, _, _) = Fitted(first, seed: 2);
        var (b, _, _) = Fitted(second, seed: 2);
        Assert.Equal(File.ReadAllText(a), File.ReadAllText(b));
        using var none = new TempDirectory();
        var (c, _, fit) = Fitted(none, seed: 2, "--replicates", "0");
        Assert.DoesNotContain("uncertainty", File.ReadAllText(c), StringComparison.Ordinal);
        Assert.DoesNotContain("uncertainty", fit.Out, StringComparison.Ordinal);
        var bad = CliRunner.Run("fit", c, "--law", "web", "--data", "constant=x.csv", "--replicates", "5");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--replicates", bad.Error, StringComparison.Ordinal);
    }

    /// <summary>Coverage of the held-out run's logged points by the 90 % band. The law is right
    /// and the noise autocorrelated; a band that ignored the correlation (iid residual bootstrap)
    /// or the noise would cover far less, one made of the parameters' bounds far more, and wider.
    /// Fixed seeds: each case gives the same number every time.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Bands_cover_held_out_logged_points_near_the_level(int seed)
    {
        using var dir = new TempDirectory();
        var (cpt, logs, _) = Fitted(dir, seed);
        var rows = File.ReadAllLines(logs["stepdrop"]).Skip(1).Select(l => l.Split(','))
            .Select(c => (Step: long.Parse(c[0], CultureInfo.InvariantCulture), Loss: double.Parse(c[1], CultureInfo.InvariantCulture)))
            .Where(r => r.Step > 4000).ToList();
        var predict = CliRunner.Run("predict", cpt, "--run", "stepdrop", "--at", string.Join(",", rows.Select(r => r.Step)),
            "--interval", "0.9", "--format", "csv");
        Assert.True(predict.ExitCode == 0, predict.Error);
        var lines = predict.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("step,lr,web,web_lo,web_hi", lines[0]);
        int inside = 0;
        double width = 0;
        foreach (var (line, row) in lines.Skip(1).Zip(rows))
        {
            var cells = line.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(row.Step, (long)cells[0]);
            Assert.True(cells[3] <= cells[2] && cells[2] <= cells[4], line);
            if (cells[3] <= row.Loss && row.Loss <= cells[4]) inside++;
            width += cells[4] - cells[3];
        }
        double coverage = (double)inside / rows.Count, meanWidth = width / rows.Count;
        Assert.InRange(coverage, 0.7, 1.0);
        // sharp: a 90 % band of noise alone is 2·1.645·0.002·L ≈ 0.02 wide at L ≈ 3.1
        Assert.InRange(meanWidth, 0.01, 0.05);
    }

    [Fact]
    public void Predict_interval_in_json_table_and_the_same_twice()
    {
        using var dir = new TempDirectory();
        var (cpt, _, _) = Fitted(dir, seed: 4);
        var json = CliRunner.Run("predict", cpt, "--run", "stepdrop", "--at", "3000,6000,12000", "--interval", "0.8", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal(json.Out, CliRunner.Run("predict", cpt, "--run", "stepdrop", "--at", "3000,6000,12000", "--interval", "0.8", "--format", "json").Out);
        var root = JsonDocument.Parse(json.Out).RootElement;
        var interval = root.GetProperty("interval");
        Assert.Equal(0.8, interval.GetProperty("level").GetDouble());
        var losses = root.GetProperty("losses").GetProperty("web").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var lower = interval.GetProperty("lower").GetProperty("web").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var upper = interval.GetProperty("upper").GetProperty("web").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(3, lower.Length);
        for (int i = 0; i < 3; i++) Assert.True(lower[i] < losses[i] && losses[i] < upper[i]);
        // a wider level gives a wider band
        var wide = JsonDocument.Parse(CliRunner.Run("predict", cpt, "--run", "stepdrop", "--at", "3000,6000,12000", "--interval", "0.99", "--format", "json").Out)
            .RootElement.GetProperty("interval").GetProperty("upper").GetProperty("web").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int i = 0; i < 3; i++) Assert.True(wide[i] > upper[i]);
        string png = Path.Combine(dir.Path, "band.png");
        var table = CliRunner.Run("predict", cpt, "--run", "stepdrop", "--interval", "0.9", "--plot", png);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains(" ± ", table.Out, StringComparison.Ordinal);
        Assert.Contains("losses ± the half-width of the 90 % interval of a logged point", table.Out, StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
    }

    [Fact]
    public void Rows_past_the_fitted_reach_are_reported_once_per_law()
    {
        using var dir = new TempDirectory();
        var (cpt, _, _) = Fitted(dir, seed: 4);
        // a run twice as long as the fitted ones: the band there is past what the folds tested
        File.AppendAllText(cpt, "run longer {\n  peak_lr 3e-4\n  train web { warmup 500 steps stable until 24000 }\n}\n");
        var far = CliRunner.Run("predict", cpt, "--run", "longer", "--interval", "0.9", "--format", "csv");
        Assert.True(far.ExitCode == 0, far.Error);
        Assert.Contains("warning CPT4216: run 'longer' goes 2× as far along the LR area (S1 7.2 at step 24,000) as the rows law 'web' was fitted on (S1 up to 3.6)", far.Error, StringComparison.Ordinal);
        Assert.Single(far.Error.Split('\n'), l => l.Contains("CPT4216"));
        // within the fitted rows, or more than 10 % short of past them: no warning
        Assert.DoesNotContain("CPT4216", CliRunner.Run("predict", cpt, "--run", "longer", "--interval", "0.9", "--at", "13000").Error);
        Assert.Contains("CPT4216", CliRunner.Run("predict", cpt, "--run", "longer", "--interval", "0.9", "--at", "13300").Error);
        Assert.DoesNotContain("CPT4216", CliRunner.Run("predict", cpt, "--run", "stepdrop", "--interval", "0.9").Error);
        // without --interval there is no band to warn about
        Assert.DoesNotContain("CPT4216", CliRunner.Run("predict", cpt, "--run", "longer").Error);
    }

    [Fact]
    public void A_law_without_uncertainty_keeps_point_predictions_with_one_warning()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("runs.cpt", Runs + Truth);
        var csv = CliRunner.Run("predict", cpt, "--run", "stepdrop", "--at", "1000,2000", "--interval", "0.9", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("step,lr,web\n", csv.Out, StringComparison.Ordinal);
        Assert.Contains("warning CPT4215: law 'web' has no interval: its block has no `uncertainty { … }` part", csv.Error, StringComparison.Ordinal);
        Assert.Contains("cptc fit --write", csv.Error, StringComparison.Ordinal);
        Assert.Equal(csv.Out, CliRunner.Run("predict", cpt, "--run", "stepdrop", "--at", "1000,2000", "--format", "csv").Out);
        // the table is the plain one too: no band, so no legend for one
        Assert.Equal(CliRunner.Run("predict", cpt, "--run", "stepdrop").Out, CliRunner.Run("predict", cpt, "--run", "stepdrop", "--interval", "0.9").Out);
        foreach (var level in new[] { "0", "1", "-0.5", "90%", "x" })
        {
            var bad = CliRunner.Run("predict", cpt, "--run", "stepdrop", "--interval", level);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("CPT4214", bad.Error, StringComparison.Ordinal);
        }
    }

    /// <summary>The annealing law with a hand-written uncertainty (docs/language.md §7.8).</summary>
    static Compilation Uncertain()
    {
        var compilation = Compilation.Create(Runs + Truth.Replace("}\n", """
              uncertainty {
                runs = 3  replicates = 100  inflation = 1  noise = 0.002
                sd L0 = 0.01  sd A = 0.01  sd alpha = 0.02  sd C = 0.02
                corr L0 A = -0.9  corr L0 alpha = 0.8  corr L0 C = 0.2
                corr A alpha = -0.8  corr A C = -0.2  corr alpha C = 0.1
              }
            }

            """));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation;
    }

    static UncertainTerm Term(Compilation compilation)
    {
        var law = compilation.Bound.Laws.Single();
        return new UncertainTerm("web", 1, ((ParametricLaw)law.Definition).Parameters, law.Uncertainty!);
    }

    [Fact]
    public void A_candidate_against_itself_wins_half_the_samples()
    {
        var compilation = Uncertain();
        var plan = compilation.Plans.Single(p => p.Run == "wsd");
        var same = CandidateComparison.Compare([Term(compilation)], plan, plan, 0.9);
        Assert.Equal(0.5, same.BeatsRunnerUp);
        Assert.True(same.Objective.Lower < same.Objective.Loss && same.Objective.Loss < same.Objective.Upper);
        var again = CandidateComparison.Compare([Term(compilation)], plan, plan, 0.9);
        Assert.Equal((same.Objective, same.BeatsRunnerUp), (again.Objective, again.BeatsRunnerUp));
        Assert.Equal(same.Losses.ToArray(), again.Losses.ToArray());
    }

    [Fact]
    public void A_clearly_better_candidate_wins_nearly_every_sample_and_the_two_orders_sum_to_1()
    {
        var compilation = Uncertain();
        var term = Term(compilation);
        var plan = (string run) => compilation.Plans.Single(p => p.Run == run);
        // wsd ends 0.065 below constant (3.066 against 3.131), several times the bands' half-width
        Assert.True(CandidateComparison.Compare([term], plan("wsd"), plan("constant"), 0.9).BeatsRunnerUp > 0.99);
        Assert.True(CandidateComparison.Compare([term], plan("constant"), plan("wsd"), 0.9).BeatsRunnerUp < 0.01);
        // cosine and constant end 0.002 apart (3.1292 against 3.1314), each inside the other's interval
        var close = CandidateComparison.Compare([term], plan("cosine"), plan("constant"), 0.9);
        var reverse = CandidateComparison.Compare([term], plan("constant"), plan("cosine"), 0.9);
        Assert.True(close.Objective.Upper > reverse.Objective.Loss && reverse.Objective.Lower < close.Objective.Loss,
            $"cosine {close.Objective}, constant {reverse.Objective}");
        Assert.Equal(1, close.BeatsRunnerUp!.Value + reverse.BeatsRunnerUp!.Value, 12);
        Assert.InRange(close.BeatsRunnerUp.Value, 0.5, 1);
        Assert.Null(CandidateComparison.Compare([term], plan("wsd"), null, 0.9).BeatsRunnerUp);
    }

    /// <summary>A CPT run, its sweep, and two laws with hand-written uncertainty parts.</summary>
    const string Sweep = """
        run web_to_code {
          peak_lr 2e-4
          train fineweb { stable 9k steps  decay 1k steps to 0 }
          switch to kp { warmup 200 steps to 2e-5  decay 1800 steps to 0 cosine }
        }
        sweep web_to_code {
          cpt_peak_lr 1e-5 to 1e-4 step 1e-5
          minimize 0.3 * fineweb + 0.7 * kp
        }
        law fineweb {
          L0 = 3.057  A = 0.490  alpha = 0.497  C1 = 0.299  C2 = 0.298  B = 0.366  E = 28  beta = 0.189
          uncertainty {
            runs = 4  replicates = 100  inflation = 1.5  noise = 0.002
            sd L0 = 0.02  sd A = 0.02  sd B = 0.03
            corr L0 A = -0.8  corr L0 B = 0.1  corr A B = 0
          }
        }
        law kp {
          L0 = 3.024  A = 0.412  alpha = 0.677  C1 = 0.278  C2 = 0.324  B = -0.666  E = 5662  beta = 0.146
          uncertainty {
            runs = 4  replicates = 100  inflation = 1.5  noise = 0.002
            sd L0 = 0.02  sd C2 = 0.05
            corr L0 C2 = 0.2
          }
        }

        """;

    [Fact]
    public void Optimize_reports_the_recommendations_intervals_in_every_format()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("sweep.cpt", Sweep);
        var table = CliRunner.Run("optimize", cpt, "--top", "3");
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("90 % intervals from the laws' parameter uncertainty: fineweb ", table.Out, StringComparison.Ordinal);
        Assert.Contains("P(beats the runner-up, cpt_peak_lr ", table.Out, StringComparison.Ordinal);
        Assert.Equal(table.Out, CliRunner.Run("optimize", cpt, "--top", "3").Out);

        var csv = CliRunner.Run("optimize", cpt, "--top", "3", "--format", "csv", "--interval", "0.8").Out.Split('\n');
        var header = csv[0].Split(',');
        Assert.Equal(["objective_lo", "objective_hi", "fineweb_end", "fineweb_lo", "fineweb_hi", "kp_end", "kp_lo", "kp_hi", "p_beats_runner_up"], header[^9..]);
        var recommended = csv[1].Split(',');
        Assert.Equal("recommended", recommended[0]);
        double Cell(string[] row, string column) => double.Parse(row[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);
        Assert.True(Cell(recommended, "objective_lo") < Cell(recommended, "objective") && Cell(recommended, "objective") < Cell(recommended, "objective_hi"));
        Assert.InRange(Cell(recommended, "p_beats_runner_up"), 0, 1);
        Assert.Equal("", csv[2].Split(',')[^1]);

        var json = JsonDocument.Parse(CliRunner.Run("optimize", cpt, "--top", "3", "--format", "json").Out).RootElement.GetProperty("uncertainty");
        Assert.Equal(0.9, json.GetProperty("level").GetDouble());
        Assert.Equal(400, json.GetProperty("samples").GetInt32());
        var kp = json.GetProperty("losses").GetProperty("kp");
        Assert.True(kp.GetProperty("lower").GetDouble() < kp.GetProperty("value").GetDouble());
        Assert.InRange(json.GetProperty("beatsRunnerUp").GetDouble(), 0, 1);

        // without the parts: the report is as before, and --interval says which law lacks one
        string plain = dir.File("plain.cpt", Sweep[..Sweep.IndexOf("law fineweb", StringComparison.Ordinal)]
            + "law fineweb { L0 = 3.057  A = 0.490  alpha = 0.497  C1 = 0.299  C2 = 0.298  B = 0.366  E = 28  beta = 0.189 }\n"
            + "law kp { L0 = 3.024  A = 0.412  alpha = 0.677  C1 = 0.278  C2 = 0.324  B = -0.666  E = 5662  beta = 0.146 }\n");
        var quiet = CliRunner.Run("optimize", plain, "--top", "3");
        Assert.DoesNotContain("intervals", quiet.Out, StringComparison.Ordinal);
        Assert.Equal("", quiet.Error);
        var asked = CliRunner.Run("optimize", plain, "--top", "3", "--interval", "0.9");
        Assert.Equal(0, asked.ExitCode);
        Assert.Contains("warning CPT4215: law 'fineweb' has no interval", asked.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("optimize", plain, "--interval", "2").ExitCode);

        // a part whose fitted rows end far short of the recommended run: --interval says so
        string shortReach = dir.File("short.cpt", Sweep.Replace("noise = ", "reach = 1\n    noise = ", StringComparison.Ordinal));
        Assert.Equal(2, CliRunner.Run("optimize", shortReach, "--top", "3", "--interval", "0.9").Error.Split('\n').Count(l => l.Contains("warning CPT4216")));
        Assert.DoesNotContain("CPT4216", CliRunner.Run("optimize", shortReach, "--top", "3").Error);
    }
}
