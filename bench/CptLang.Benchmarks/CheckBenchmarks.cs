using System.Text;
using BenchmarkDotNet.Attributes;
using CptLang;

namespace CptLang.Benchmarks;

/// <summary>
/// Issue target: `cptc check` on a 1,000-line file in under 200 ms of compiler time. The file is
/// a realistic sweep: many runs (each a two-stage schedule with replay and comments) sharing laws.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    string _text = "";

    [GlobalSetup]
    public void Setup() => _text = ThousandLineFile();

    /// <summary>Parse, bind and report diagnostics: what `cptc check` does per file.</summary>
    [Benchmark]
    public int Check() => Compilation.Create(_text, "sweep.cpt").Diagnostics.Length;

    /// <summary>Check plus lowering to evaluation plans: what `cptc build` does before writing JSON.</summary>
    [Benchmark]
    public int Build() => Compilation.Create(_text, "sweep.cpt").Plans.Length;

    public static string ThousandLineFile()
    {
        var text = new StringBuilder();
        text.AppendLine("// a sweep of CPT runs: peak LR x replay x loss potential");
        text.AppendLine("lambda 0.999");
        text.AppendLine();
        int run = 0;
        while (CountLines(text) < 960)
        {
            double peak = 1e-5 * (1 + run % 7);
            int replay = 5 * (run % 6);
            int lp = 10 * (run % 5);
            text.AppendLine($"run sweep_{run} {{                     // candidate {run}");
            text.AppendLine("  peak_lr 2e-4");
            text.AppendLine("  tokens_per_step 4M");
            text.AppendLine("  train fineweb {");
            text.AppendLine("    warmup 500 steps cosine");
            text.AppendLine("    stable until 36k                     // hold the peak");
            text.AppendLine($"    decay 4k steps to {lp}% 1-sqrt");
            text.AppendLine("  }");
            text.AppendLine("  switch to kp {");
            text.AppendLine($"    replay fineweb {replay}%");
            text.AppendLine($"    warmup 1k steps to {peak:0.0e0}");
            text.AppendLine("    stable 20B tokens");
            text.AppendLine("    decay 4k steps to 1% exponential");
            text.AppendLine("  }");
            text.AppendLine("}");
            text.AppendLine();
            run++;
        }
        text.AppendLine("law fineweb {");
        text.AppendLine("  L0 = 3.057  A = 0.490  alpha = 0.497  C1 = 0.299  C2 = 0.298");
        text.AppendLine("  B = 0.366   E = 28     beta = 0.189   a1 = 0.055  a2 = 3.238");
        text.AppendLine("}");
        text.AppendLine("law kp {");
        text.AppendLine("  L0 = 3.024  A = 0.412  alpha = 0.677  C1 = 0.278  C2 = 0.324");
        text.AppendLine("  B = -0.666  E = 5662   beta = 0.146   a1 = 0.037  a2 = 5.696");
        text.AppendLine("}");
        while (CountLines(text) < 1000) text.AppendLine("// padding to exactly 1,000 lines");
        return text.ToString();
    }

    static int CountLines(StringBuilder text) => text.ToString().Count(c => c == '\n');
}
