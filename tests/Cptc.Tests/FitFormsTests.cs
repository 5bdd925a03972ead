using System.Globalization;
using System.Text;
using System.Text.Json;
using CptLang;
using CptLang.Laws.Laws;

namespace Cptc.Tests;

/// <summary>
/// `cptc fit` end to end for the model-size (Eq. 7), replay (Eq. 8) and open-model (§6) forms:
/// logs generated in the test from published parameters with seeded noise, fitted, and the
/// held-out run predicted to within the noise.
/// </summary>
public class FitFormsTests
{
    const double Noise = 0.002;

    static string Schedule(string name, string pt, string cpt, string extra = "") => $$"""
        run {{name}} {
          peak_lr 2e-4
          train fineweb { {{pt}} }
          switch to kp { {{extra}}{{cpt}} }
        }

        """;

    static readonly string Wsd = "warmup 500 steps stable 11500 steps decay 3k steps to 0";
    static readonly string WsdCpt = "warmup 500 steps decay 9500 steps to 0 cosine";
    static readonly string Flat = "warmup 500 steps stable 9500 steps";
    static readonly string FlatCpt = "stable 10k steps";
    static readonly string Cos = "warmup 500 steps decay 19500 steps to 2e-5 cosine";
    static readonly string CosCpt = "warmup 500 steps to 1e-4 decay 9500 steps to 0";

    /// <summary>A log of <paramref name="law"/> on <paramref name="run"/> of <paramref name="truth"/>
    /// every 250 steps, with multiplicative Gaussian noise (seeded), and the clean curve.</summary>
    static (string Csv, double[] Clean, long[] Steps) Log(string truth, string run, string law, int seed)
    {
        var compilation = Compilation.Create(truth);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var plan = compilation.Plans.Single(p => p.Run == run);
        var predictor = new LossPredictor(plan, compilation.Laws);
        int index = predictor.IndexOf(law);
        var steps = Enumerable.Range(1, (int)(plan.TotalSteps / 250)).Select(i => i * 250L).ToArray();
        var clean = steps.Select(s => predictor.LossAt(index, s).Value).ToArray();
        var random = new Random(seed);
        var csv = new StringBuilder("step,loss\n");
        for (int i = 0; i < steps.Length; i++)
        {
            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            csv.Append(CultureInfo.InvariantCulture, $"{steps[i]},{clean[i] * (1 + Noise * gaussian)}\n");
        }
        return (csv.ToString(), clean, steps);
    }

    static JsonElement HeldOut(JsonElement json, string run)
    {
        var heldOut = json.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("heldout").GetBoolean());
        Assert.Equal(run, heldOut.GetProperty("run").GetString());
        return heldOut;
    }

    /// <summary>RMSE of the loss the file now predicts for <paramref name="run"/> against the clean curve.</summary>
    static double RmseAgainstClean(string cptPath, string run, string law, (string Csv, double[] Clean, long[] Steps) log)
    {
        var fitted = Compilation.Create(File.ReadAllText(cptPath));
        Assert.False(fitted.HasErrors, string.Join("\n", fitted.Diagnostics));
        var predictor = new LossPredictor(fitted.Plans.Single(p => p.Run == run), fitted.Laws);
        return Math.Sqrt(log.Steps.Select((s, i) => Math.Pow(predictor.LossAt(predictor.IndexOf(law), s).Value - log.Clean[i], 2)).Average());
    }

    // ── model size (Eq. 7) ─────────────────────────────────────────────────────────────

    /// <summary>Runs of three sizes; `c594` (a fitted size, a schedule no fitted run has) is held out.</summary>
    static readonly (string Run, string Size, string Pt, string Cpt)[] SizeRuns =
    [
        ("a106", "106M", Wsd, WsdCpt), ("b106", "106M", Flat, FlatCpt), ("a594", "594M", Wsd, WsdCpt),
        ("a1720", "1.72B", Wsd, WsdCpt), ("b1720", "1720M", Flat, FlatCpt), ("c594", "594M", Cos, CosCpt),
    ];

    static string SizeFile => string.Concat(SizeRuns.Select(r => Schedule(r.Run, r.Pt, r.Cpt)));

    /// <summary>The logs of every run, each from Fig. 15's D_pt law at the run's own size.</summary>
    static Dictionary<string, (string Csv, double[] Clean, long[] Steps)> SizeLogs() =>
        SizeRuns.Select((r, i) => (r.Run, Log(SizeFile + $"law fineweb = paper.fig15.general {{ N = {(r.Size.EndsWith('B') ? "1720M" : r.Size.EndsWith('M') ? r.Size : r.Size + "M")} }}\n", r.Run, "fineweb", 30 + i)))
            .ToDictionary(x => x.Run, x => x.Item2);

    static string[] SizeArguments(TempDirectory dir, Dictionary<string, (string Csv, double[] Clean, long[] Steps)> logs) =>
        [.. SizeRuns.SelectMany(r => new[] { "--data", $"{r.Run}={dir.File(r.Run + ".csv", logs[r.Run].Csv)}", "--model-size", $"{r.Run}={r.Size}" })];

    [Fact]
    public void Size_form_fits_across_sizes_predicts_a_held_out_run_and_writes_a_block_predict_reproduces()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("sizes.cpt", SizeFile);
        Assert.Equal(0, CliRunner.Run("fmt", cpt).ExitCode); // so that --check below sees the written block
        var logs = SizeLogs();
        var result = CliRunner.Run(["fit", cpt, "--law", "fineweb", "--form", "size", .. SizeArguments(dir, logs), "--holdout", "c594", "--format", "json", "--write"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("size", json.GetProperty("form").GetString());
        Assert.Equal(12, json.GetProperty("fittedParameters").GetInt32());
        Assert.Equal(106, json.GetProperty("params").GetProperty("N").GetDouble());
        Assert.Contains("run 'a106'", json.GetProperty("note").GetString());

        // the held-out run: about one noise level against its log, below it against the clean curve
        double sigma = Noise * logs["c594"].Clean.Average();
        Assert.InRange(HeldOut(json, "c594").GetProperty("rmse").GetDouble(), 0.7 * sigma, 1.3 * sigma);

        // the written block: compiles, is fmt-clean, and predicts run a106 (its N) as the fit did
        Assert.Contains("N = 106M", File.ReadAllText(cpt));
        Assert.Equal(0, CliRunner.Run("fmt", "--check", cpt).ExitCode);
        Assert.True(RmseAgainstClean(cpt, "a106", "fineweb", logs["a106"]) < Noise * logs["a106"].Clean.Average());
        // the fit's rows: those from the end of the 500 warmup steps
        var fitted = logs["a106"].Steps.Select((step, i) => (step, i)).Where(x => x.step >= 500).Select(x => x.i).ToArray();
        var predict = CliRunner.Run("predict", cpt, "--run", "a106", "--at", string.Join(",", fitted.Select(i => logs["a106"].Steps[i])), "--format", "csv");
        Assert.Equal(0, predict.ExitCode);
        var predicted = predict.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        var rows = logs["a106"].Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var observed = fitted.Select(i => double.Parse(rows[i].Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        double rmse = Math.Sqrt(predicted.Zip(observed, (p, o) => (p - o) * (p - o)).Average());
        var a106 = json.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("run").GetString() == "a106");
        Assert.Equal(a106.GetProperty("rmse").GetDouble(), rmse, 1e-9);
    }

    [Fact]
    public void Size_form_text_report_says_which_size_the_block_predicts_for()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("sizes.cpt", SizeFile);
        var result = CliRunner.Run(["fit", cpt, "--law", "fineweb", "--form", "size", .. SizeArguments(dir, SizeLogs()), "--holdout", "c594"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("law fineweb {", result.Out);
        Assert.Contains("N = 106M", result.Out);
        Assert.Contains("gamma1 = ", result.Out);
        Assert.Contains("\nN = 106M is the size of run 'a106', the first fitted run; change N in the block to predict another model size\n", result.Out);
        Assert.Matches(@"\nc594 +held out +\d+ ", result.Out);
    }

    [Fact]
    public void Size_form_on_a_single_size_warns_CPT3102_and_fits_Eq4()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("sizes.cpt", SizeFile);
        var logs = SizeLogs();
        var result = CliRunner.Run("fit", cpt, "--law", "fineweb", "--form", "size", "--format", "json",
            "--data", $"a594={dir.File("a.csv", logs["a594"].Csv)}", "--model-size", "a594=594M",
            "--data", $"c594={dir.File("c.csv", logs["c594"].Csv)}", "--model-size", "c594=594M");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("warning CPT3102: every fitted run of law 'fineweb' has model size 594M", result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(8, json.GetProperty("fittedParameters").GetInt32());
        Assert.Equal(0, json.GetProperty("params").GetProperty("F").GetDouble());
    }

    [Theory]
    [InlineData(new[] { "--model-size", "a106=106M" }, "cptc: error CPT4110: the model-size form (Eq. 7) needs the model size of run 'b106'")]
    [InlineData(new[] { "--model-size", "a106=106M", "--model-size", "b106=big" }, "cptc: error CPT4110: --model-size b106=big is not a positive model size")]
    [InlineData(new[] { "--model-size", "a106=106M", "--model-size", "b106=-5M" }, "cptc: error CPT4110: --model-size b106=-5M is not a positive model size")]
    [InlineData(new[] { "--model-size", "a106", "--model-size", "b106=106M" }, "cptc: error CPT4110: --model-size 'a106' is not RUN=SIZE")]
    [InlineData(new[] { "--model-size", "a106=106", "--model-size", "b106=106M" }, "cptc: error CPT4110: --model-size a106=106 has no k, M or B suffix; write the parameter count with its suffix, e.g. a106=106M for 106 million")]
    [InlineData(new[] { "--model-size", "zzz=106M" }, "cptc: error CPT4110: --model-size 'zzz' is not a run given with --data")]
    [InlineData(new[] { "--model-size", "a106=106M", "--model-size", "b106=106M", "--fix", "N=106" }, "cptc: error CPT4110: --fix N does not apply")]
    public void Missing_or_malformed_model_sizes_are_usage_errors(string[] sizes, string message)
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("sizes.cpt", SizeFile);
        var logs = SizeLogs();
        var result = CliRunner.Run(["fit", cpt, "--law", "fineweb", "--form", "size",
            "--data", $"a106={dir.File("a.csv", logs["a106"].Csv)}", "--data", $"b106={dir.File("b.csv", logs["b106"].Csv)}", .. sizes]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Equal(1, result.Error.Trim().Split('\n').Count(l => l.StartsWith("cptc:", StringComparison.Ordinal)));
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(SizeFile, File.ReadAllText(cpt));
    }

    [Fact]
    public void A_model_size_with_another_form_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("sizes.cpt", SizeFile);
        var result = CliRunner.Run("fit", cpt, "--law", "fineweb", "--form", "eq4",
            "--data", $"a106={dir.File("a.csv", SizeLogs()["a106"].Csv)}", "--model-size", "a106=106M");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cptc: error CPT4110: --model-size applies to the model-size form (Eq. 7) only, not to eq4", result.Error);
    }

    [Fact]
    public void An_existing_size_law_is_fitted_in_its_form()
    {
        using var dir = new TempDirectory();
        string cpt = dir.File("sizes.cpt", SizeFile + "law fineweb = paper.fig15.general { N = 594M }\n");
        var result = CliRunner.Run(["fit", cpt, "--law", "fineweb", .. SizeArguments(dir, SizeLogs()), "--holdout", "c594", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("size", JsonDocument.Parse(result.Out).RootElement.GetProperty("form").GetString());
    }

    // ── replay (Eq. 8) ─────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData("fineweb", 1)]
    [InlineData("kp", 2)]
    public void Replay_form_predicts_a_held_out_replay_ratio_within_the_noise(string law, int seed)
    {
        // replay ratios 0, 10 %, 40 % fitted; 25 % held out. beta = 0.3 assumed (Fig. 19 omits it); on kp a2 = 1, as Fig. 19's
        // a2 = 5.696 drives the loss below zero on a run without replay (r_cpt = 1)
        string runs = Schedule("r0", Wsd, WsdCpt) + Schedule("r10", Flat, FlatCpt, "replay fineweb 10% ")
            + Schedule("r40", Wsd, CosCpt, "replay fineweb 40% ") + Schedule("r25", Cos, WsdCpt, "replay fineweb 25% ");
        string truth = runs + "law fineweb = paper.fig19.general { beta = 0.3 }\nlaw kp = paper.fig19.domain { beta = 0.3  a2 = 1 }\n";
        using var dir = new TempDirectory();
        string cpt = dir.File("replay.cpt", runs);
        var logs = new[] { "r0", "r10", "r40", "r25" }.Select((r, i) => (Run: r, Log: Log(truth, r, law, seed * 10 + i))).ToDictionary(x => x.Run, x => x.Log);
        var data = logs.SelectMany(l => new[] { "--data", $"{l.Key}={dir.File(l.Key + ".csv", l.Value.Csv)}" }).ToArray();
        var result = CliRunner.Run(["fit", cpt, "--law", law, "--form", "replay", .. data, "--holdout", "r25", "--format", "json", "--write"]);
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("replay", json.GetProperty("form").GetString());
        Assert.Equal(["L0", "A", "alpha", "C1", "C2", "B", "E", "beta", "a1", "a2"], json.GetProperty("params").EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, json.GetProperty("runs").GetArrayLength());

        double sigma = Noise * logs["r25"].Clean.Average();
        Assert.InRange(HeldOut(json, "r25").GetProperty("rmse").GetDouble(), 0.7 * sigma, 1.3 * sigma);
        Assert.True(RmseAgainstClean(cpt, "r25", law, logs["r25"]) < sigma);
    }

    // ── open model (§6) ────────────────────────────────────────────────────────────────

    static string Open(string name, string cpt) => $$"""
        run {{name}} {
          peak_lr 1e-4
          pretrained web
          switch to code { {{cpt}} }
        }

        """;

    [Fact]
    public void Open_form_predicts_a_held_out_run_within_the_noise()
    {
        string runs = Open("o1", "warmup 500 steps stable until 16k decay 4k steps to 1e-5 cosine")
            + Open("o2", "warmup 500 steps decay 9500 steps to 0")
            + Open("o3", "warmup 200 steps stable 7800 steps decay 4k steps to 0");
        string truth = runs + "law web {\n  L0 = 2.41  A = 0.52  alpha = 0.48\n  C2 = 0.35\n  B = 0.21  E = 40  beta = 0.30\n  S1pt = 35\n}\n";
        using var dir = new TempDirectory();
        string cpt = dir.File("open.cpt", runs);
        var logs = new[] { "o1", "o2", "o3" }.Select((r, i) => (Run: r, Log: Log(truth, r, "web", 50 + i))).ToDictionary(x => x.Run, x => x.Log);
        var data = logs.SelectMany(l => new[] { "--data", $"{l.Key}={dir.File(l.Key + ".csv", l.Value.Csv)}" }).ToArray();
        var result = CliRunner.Run(["fit", cpt, "--law", "web", "--form", "open", .. data, "--holdout", "o3", "--write"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(result.Out.StartsWith("law web {", StringComparison.Ordinal), result.Out);
        Assert.Contains("S1pt = ", result.Out);
        Assert.Matches(@"\no3 +held out +\d+ ", result.Out);
        Assert.Matches(@"\n\(all\) +held out ", result.Out);

        double sigma = Noise * logs["o3"].Clean.Average();
        Assert.True(RmseAgainstClean(cpt, "o3", "web", logs["o3"]) < sigma);
    }
}
