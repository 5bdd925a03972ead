using BenchmarkDotNet.Attributes;
using CptLang.Predicting;

namespace CptLang.Benchmarks;

/// <summary>
/// Issue 10 item 3's target: `cptc predict --interval` costs at most 2× a plain predict. Both do
/// what the command does after reading the file: compile it and predict one run at the default
/// sample (about 200 steps) with its key steps; the interval adds 400 joint parameter samples of
/// the law, each evaluated at those steps. The run is the 24k-step cosine run of the Multi-Power
/// Law paper's nine schedules (docs/laws.md §9), with the block `cptc fit` writes for Eq. 1 and
/// the same uncertainty for the `mpl` form.
/// </summary>
[MemoryDiagnoser]
public class IntervalBenchmarks
{
    const string Runs = """
        run cosine_24000 {
          peak_lr 3e-4
          train web {
            warmup 2160 steps
            decay until 24000 to 3e-5 cosine
          }
        }

        """;

    const string Uncertainty = """
          uncertainty {
            runs = 2  replicates = 100  inflation = 9.94428  noise = 0.000652883
            sd L0 = 0.0383743  sd A = 0.0403486  sd alpha = 0.0797823
            corr L0 A = -0.978003  corr L0 alpha = 0.963822  corr A alpha = -0.911922
          }
        }

        """;

    public static string Eq1File => Runs + "law web {\n  L0 = 2.90705  A = 0.592865  alpha = 0.758376\n  C = 0.46866\n" + Uncertainty;

    public static string MultiPowerFile => Runs + "law web mpl {\n  L0 = 2.90611  A = 0.594024  alpha = 0.7563\n  B = 400  C = 2  beta = 0.6  gamma = 0.6\n" + Uncertainty;

    [Params("eq1", "mpl")]
    public string Form { get; set; } = "eq1";

    string _text = "";

    [GlobalSetup]
    public void Setup() => _text = Form == "eq1" ? Eq1File : MultiPowerFile;

    [Benchmark(Baseline = true)]
    public double Predict() => Compute(interval: false);

    [Benchmark]
    public double PredictWithInterval() => Compute(interval: true);

    double Compute(bool interval)
    {
        var compilation = Compilation.Create(_text, "runs.cpt");
        var prediction = Prediction.Compute(compilation, compilation.Plans[0], StepSelection.Default(keySteps: true)).Prediction!;
        if (!interval) return prediction.Table.Loss(0)[^1];
        var (bands, _) = PredictionIntervals.Compute(compilation, prediction, 0.9);
        return bands.Laws[0]!.Upper[^1];
    }
}
