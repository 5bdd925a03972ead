using BenchmarkDotNet.Attributes;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Benchmarks;

/// <summary>
/// The Multi-Power Law (form <c>mpl</c>, docs/laws.md §3) at 1,000 evenly spread steps of a
/// 10⁹-step run: its loss-drop term sums over every step where the LR falls, and the engine sums
/// it per segment, so the cost must stay far below a walk (target: under 1 s).
/// </summary>
[MemoryDiagnoser]
public class MultiPowerBenchmarks
{
    EvaluationPlan plan = null!;
    long[] steps = null!;
    LawDefinition[] laws = null!;

    [GlobalSetup]
    public void Setup()
    {
        var compilation = Compilation.Create("""
            run long {
              peak_lr 3e-4
              train web {
                warmup 2k steps
                stable 100M steps
                decay 800M steps to 3e-5 cosine
                decay 100M steps to 0 linear
              }
            }
            law loss mpl { L0 = 2.65  A = 0.6  alpha = 0.45  B = 438  C = 2.13  beta = 0.6  gamma = 0.655 }
            """);
        plan = compilation.Plans.Single();
        laws = [.. compilation.Laws];
        steps = Runs.Sampled(plan.TotalSteps, 1000);
    }

    [Benchmark]
    public double ThousandPoints() => new LossPredictor(plan, laws).Predict(steps).Loss(0)[^1];
}
