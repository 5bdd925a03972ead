using BenchmarkDotNet.Running;
using CptLang.Benchmarks;

// dotnet run -c Release --project bench/CptLang.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project bench/CptLang.Benchmarks -- --smoke
if (args is ["--smoke"])
    Smoke.Run();
else
    BenchmarkSwitcher.FromAssembly(typeof(Runs).Assembly).Run(args);
