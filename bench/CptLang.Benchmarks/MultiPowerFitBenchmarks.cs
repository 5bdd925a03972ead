using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Benchmarks;

/// <summary>
/// <c>cptc fit --form mpl</c> (docs/laws.md §9): the Multi-Power Law fitted to three runs of about
/// 200 points (a 2,160-step warmup to 3e-4, then 24k steps cosine to 3e-5, constant, and a drop to
/// 9e-5 at step 8,000), generated from the paper's 100M law with 0.2 % seeded noise. One call is a
/// whole fit as `cptc fit` makes it: the runs' loss-drop nodes collected, the prior strength chosen
/// by leave-one-run-out over its grid, the final fit (target: under 2 s).
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class MultiPowerFitBenchmarks
{
    static readonly LawParameters Truth = new(LawForm.MultiPower, new Dictionary<string, double>
    {
        ["L0"] = 2.6514, ["A"] = 0.6012, ["alpha"] = 0.453, ["B"] = 437.95, ["C"] = 2.1325, ["beta"] = 0.5979, ["gamma"] = 0.6552,
    });

    FitRun[] runs = [];

    [GlobalSetup]
    public void Setup() => runs = Runs3();

    /// <summary>The three runs, their logs drawn with seed 3.</summary>
    internal static FitRun[] Runs3()
    {
        var random = new Random(3);
        return [.. new[]
        {
            Schedule("cosine", new Segment(2161, 24_000, 0, PhaseKind.Decay, new Kernel(Shape.Cosine, 3e-4, 3e-5))),
            Schedule("constant", new Segment(2161, 24_000, 0, PhaseKind.Stable, Kernel.Constant(3e-4))),
            Schedule("drop", new Segment(2161, 7_999, 0, PhaseKind.Stable, Kernel.Constant(3e-4)), new Segment(8_000, 24_000, 0, PhaseKind.Stable, Kernel.Constant(9e-5))),
        }.Select(plan =>
        {
            var steps = Enumerable.Range(0, 200).Select(i => 2_200 + (long)i * (24_000 - 2_200) / 199).ToArray();
            var predictor = new LossPredictor(plan, [new ParametricLaw(Runs.General, Truth)]);
            var losses = steps.Select(s => predictor.LossAt(0, s).Value * (1 + 0.002 * (2 * random.NextDouble() - 1))).ToArray();
            return FitRun.Create(new ScheduleAreas(plan), Runs.General, steps, losses);
        })];
    }

    static EvaluationPlan Schedule(string name, params Segment[] after) => new(name, 3e-4, null, PlanSettings.Default,
        [new Stage(StageKind.Pretraining, Runs.General, 1, 24_000)],
        ImmutableArray.Create([new Segment(1, 2_160, 0, PhaseKind.Warmup, new Kernel(Shape.Linear, 0, 3e-4)), .. after]));

    [Benchmark]
    public double Three_runs_of_200_points() =>
        LawFitter.Fit(FitForm.For(LawForm.MultiPower), runs).Objective;
}
