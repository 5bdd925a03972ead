using BenchmarkDotNet.Attributes;
using CptLang.Export;
using CptLang.Laws.Schedules;

namespace CptLang.Benchmarks;

/// <summary>
/// `cptc export` on a 1,000,000-step two-stage run (WSD pre-training, re-warmup and cosine
/// decay after the switch): the per-step tables, and the framework targets, whose cost is the
/// check of the framework's formula against cptc's LR on every update.
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class ExportBenchmarks
{
    public const string Source = """
        run million {
          peak_lr 3e-4
          train web {
            warmup 10k steps
            stable 790k steps
            decay 100k steps to 10%
          }
          switch to code {
            replay web 25%
            warmup 1k steps to 1e-4
            decay 99k steps to 0 cosine
          }
        }
        """;

    Compilation _compilation = null!;
    EvaluationPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = Compilation.Create(Source, "million.cpt");
        _plan = _compilation.Plans.Single();
    }

    [Benchmark(Baseline = true)]
    public int Csv() => RunExport.Export(_compilation, _plan, ExportTarget.Csv).Content!.Length;

    [Benchmark]
    public int Npy() => RunExport.Export(_compilation, _plan, ExportTarget.Npy).Content!.Length;

    [Benchmark]
    public int Megatron() => RunExport.Export(_compilation, _plan, ExportTarget.Megatron).Content!.Length;

    [Benchmark]
    public int Torchtitan() => RunExport.Export(_compilation, _plan, ExportTarget.Torchtitan, approximate: true).Content!.Length;
}
