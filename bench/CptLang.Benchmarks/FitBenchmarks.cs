using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Benchmarks;

/// <summary>
/// The speed targets of `cptc fit` (issue 4): Eq. 1 on two runs of 200 points with LRA's
/// 54-start grid under 300 ms; Eq. 4 (8 parameters, 128 starts) on four runs of 500 points
/// under 3 s; Eq. 7 (12 fitted parameters, 256 starts) on six runs of 300 points, two per
/// model size (106M, 594M, 1720M), within a few seconds. The logs are generated from known laws with 0.2 % seeded noise.
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class FitBenchmarks
{
    IReadOnlyList<FitRun> eq1Runs = [], eq4Runs = [], sizeRuns = [];

    [GlobalSetup]
    public void Setup()
    {
        eq1Runs = FitLogs.Eq1(200);
        eq4Runs = FitLogs.Eq4(500);
        sizeRuns = FitLogs.Size(300);
    }

    [Benchmark]
    public double Eq1_two_runs_of_200_points() => LawFitter.Fit(FitForm.For(LawForm.Annealing), eq1Runs).Objective;

    [Benchmark]
    public double Eq4_four_runs_of_500_points() => LawFitter.Fit(FitForm.For(LawForm.Cpt), eq4Runs).Objective;

    [Benchmark]
    public double Size_six_runs_of_300_points() => LawFitter.Fit(FitForm.For(LawForm.ModelSize), sizeRuns).Objective;
}

/// <summary>Synthetic logs for the fitting benchmarks.</summary>
public static class FitLogs
{
    static readonly LawParameters Annealing = new(LawForm.Annealing,
        new Dictionary<string, double> { ["L0"] = 2.6, ["A"] = 0.45, ["alpha"] = 0.52, ["C"] = 0.38 });

    /// <summary>A cosine and a constant run of 20k steps, <paramref name="points"/> each.</summary>
    public static IReadOnlyList<FitRun> Eq1(int points) =>
    [
        Observe(Single("cosine", new Kernel(Shape.Cosine, 2e-4, 0)), Annealing, points, 1),
        Observe(Single("constant", Kernel.Constant(2e-4)), Annealing, points, 2),
    ];

    /// <summary>Four two-stage runs of 20k to 50k steps (Fig. 3 general law), <paramref name="points"/> each.</summary>
    public static IReadOnlyList<FitRun> Eq4(int points) =>
        [.. new long[] { 20_000, 30_000, 40_000, 50_000 }.Select((t, i) => Observe(Runs.TwoStage(t) with { Run = $"run{t}" }, Runs.Laws[0] is ParametricLaw p ? p.Parameters : throw new InvalidOperationException(), points, 10 + i))];

    /// <summary>Two two-stage runs (30k and 50k steps) at each of 106M, 594M and 1720M, Fig. 15's
    /// D_pt law at each size, <paramref name="points"/> each.</summary>
    public static IReadOnlyList<FitRun> Size(int points) =>
        [.. new[] { 106.0, 594, 1720 }.SelectMany(n => new long[] { 30_000, 50_000 }.Select(t => (n, t))).Select((r, i) =>
            Observe(Runs.TwoStage(r.t) with { Run = $"run{r.t}-{r.n}" },
                CptLang.Laws.Presets.PaperPresets.Get("paper.fig15.general").With(new Dictionary<string, double> { ["N"] = r.n }), points, 20 + i, r.n))];

    static EvaluationPlan Single(string name, Kernel decay)
    {
        var segments = ImmutableArray.Create(
            new Segment(1, 500, 0, PhaseKind.Warmup, new Kernel(Shape.Linear, 0, 2e-4)),
            new Segment(501, 20_000, 0, decay.From == decay.To ? PhaseKind.Stable : PhaseKind.Decay, decay));
        return new EvaluationPlan(name, 2e-4, null, PlanSettings.Default, [new Stage(StageKind.Pretraining, Runs.General, 1, 20_000)], segments);
    }

    static FitRun Observe(EvaluationPlan plan, LawParameters truth, int points, int seed, double? modelSize = null)
    {
        var steps = Runs.Sampled(plan.TotalSteps, points);
        var predictor = new LossPredictor(plan, [new ParametricLaw(Runs.General, truth)]);
        var random = new Random(seed);
        var losses = steps.Select(s => predictor.LossAt(0, s).Value * (1 + 0.002 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();
        return FitRun.Create(new ScheduleAreas(plan), Runs.General, steps, losses, modelSize);
    }
}
