using System.Diagnostics;
using System.Globalization;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;

namespace CptLang.Benchmarks;

/// <summary><c>--smoke</c>: a quick Stopwatch check of both targets (medians of a few runs),
/// for a look without BenchmarkDotNet's minutes. The figures to quote come from BenchmarkDotNet.</summary>
public static class Smoke
{
    public static void Run()
    {
        var big = Runs.TwoStage(1_000_000_000);
        var steps = Runs.Sampled(1_000_000_000, 1000);
        Report("1e9-step run, 1,000 sampled steps, 2 laws (incl. construction)", 15, () =>
        {
            var t = new LossPredictor(big, Runs.Laws).Predict(steps);
            return t.Loss(0)[^1];
        });
        var plan = Runs.TwoStage(1_000_000);
        var predictor = new LossPredictor(plan, Runs.Laws);
        Report("1e6-step run, every step, 2 laws", 15, () => predictor.PredictCurve(1, 1_000_000).Loss(1)[^1]);
        var export = new ExportBenchmarks();
        export.Setup();
        Report("export a 1e6-step run to megatron (formula checked on every update)", 10, () => export.Megatron());
        Report("export a 1e6-step run to csv", 10, () => export.Csv());
        Report("optimize: 10,000 candidates of 50,000 steps, end point + turning length", 5,
            () => CptLang.Laws.Planning.SweepOptimizer.Run(OptimizeRuns.Problem(), top: 10, refine: false).Evaluated);
        Report($"optimize, naive per-step walk of {OptimizeBenchmarks.NaiveSample} candidates", 3, () => OptimizeRuns.Naive(OptimizeBenchmarks.NaiveSample));
        var eq1 = FitLogs.Eq1(200);
        Report("fit Eq. 1, 2 runs x 200 points, 54 starts", 7, () => LawFitter.Fit(FitForm.For(LawForm.Annealing), eq1).Objective);
        var eq4 = FitLogs.Eq4(500);
        Report("fit Eq. 4, 4 runs x 500 points, 128 starts", 3, () => LawFitter.Fit(FitForm.For(LawForm.Cpt), eq4).Objective);
        var size = FitLogs.Size(300);
        Report("fit Eq. 7, 6 runs x 300 points (3 sizes), 256 starts", 3, () => LawFitter.Fit(FitForm.For(LawForm.ModelSize), size).Objective);
    }

    /// <summary>Times <paramref name="runs"/> calls; the first, cold one (JIT included, as in a
    /// one-shot CLI run) is reported apart from the median of the rest.</summary>
    static void Report(string what, int runs, Func<double> action)
    {
        var times = new double[runs];
        double check = 0;
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            check += action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        double cold = times[0];
        var warm = times[1..];
        Array.Sort(warm);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: first call {cold:F1} ms, then median {warm[warm.Length / 2]:F2} ms, min {warm[0]:F2} ms (check {check / runs:F6})"));
    }
}
