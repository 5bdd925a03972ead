using BenchmarkDotNet.Attributes;
using CptLang.Laws.Fitting;
using CptLang.Laws.Fitting.Uncertainty;
using CptLang.Laws.Laws;

namespace CptLang.Benchmarks;

/// <summary>
/// The uncertainty estimate of <c>cptc fit</c> (docs/laws.md §9.1) for the Multi-Power Law on
/// <see cref="MultiPowerFitBenchmarks"/>' three runs: the whole estimate (100 bootstrap refits and
/// one refit per left-out run), and one bootstrap replicate's refit from the fit by
/// Levenberg–Marquardt (what the estimate uses) against one L-BFGS-B search (what it used before).
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class UncertaintyBenchmarks
{
    static readonly FitForm Form = FitForm.For(LawForm.MultiPower);
    FitRun[] runs = [];
    FitRun[] replicate = [];
    double[] fit = [];
    double[] free = [];
    double strength;

    [GlobalSetup]
    public void Setup()
    {
        runs = MultiPowerFitBenchmarks.Runs3();
        var result = LawFitter.Fit(Form, runs);
        fit = [.. Form.Names.Select(n => result.Parameters[n])];
        free = [.. Form.Names.Select(_ => double.NaN)];
        strength = result.Regularisation?.Strength ?? 0;
        // a replicate: the fitted curve with fresh 0.2 % noise
        var random = new Random(5);
        replicate = [.. runs.Select(r => r.WithLosses([.. Form.Losses(fit, r).Select(l => l * (1 + 0.002 * (2 * random.NextDouble() - 1)))]))];
    }

    [Benchmark]
    public double Estimate() => UncertaintyEstimator.Estimate(Form, runs, fit, free, priorStrength: strength)?.Noise ?? 0;

    [Benchmark(Baseline = true)]
    public double Replicate_by_LBFGSB() => LawFitter.Refine(Form, replicate, fit, free, strength)[0];

    [Benchmark]
    public double Replicate_by_Levenberg_Marquardt() => LawFitter.RefineNear(Form, replicate, fit, free, strength)[0];
}
