using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CptLang.Benchmarks;

// dotnet run -c Release --project bench/CptLang.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/CptLang.Benchmarks -- --smoke
//
// Short runs (3 warm-ups, 3 measured iterations), in process: the machine is small and shared,
// and BenchmarkDotNet's generated per-benchmark projects would rebuild CptLang with an absolute
// IntermediateOutputPath, which Antlr4BuildTasks mis-joins.
if (args is ["--smoke"])
{
    Smoke.Run();
    return;
}
// The naive walk of a 10⁹-step run takes about a minute per call: allow it.
var toolchain = new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: true);
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(toolchain).WithId("ShortRun-InProcess"));
BenchmarkSwitcher.FromAssembly(typeof(Runs).Assembly).Run(args, config);
