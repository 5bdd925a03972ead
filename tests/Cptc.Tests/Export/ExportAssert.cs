using System.Text.Json;
using CptLang;
using CptLang.Laws.Schedules;

namespace Cptc.Tests.Export;

/// <summary>Runs <c>cptc export</c> and compares what a framework would do with cptc's own LRs.</summary>
internal static class ExportAssert
{
    public const double Tolerance = 1e-12;

    public static EvaluationPlan Plan(string source, string? run = null)
    {
        var compilation = Compilation.Create(source, "run.cpt");
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return run is null ? compilation.Plans.Single() : compilation.Plans.Single(p => p.Run == run);
    }

    public static CliResult Export(TempDirectory dir, string source, params string[] args) =>
        CliRunner.Run(["export", dir.File($"run-{Guid.NewGuid():N}.cpt", source), .. args]);  // CsCheck samples in parallel

    /// <summary>The LR every update of each exported stage uses, by the reference scheduler, with the stage's first run step.</summary>
    public static List<(long FirstStep, double[] Used)> FrameworkLrs(string target, string output, long megatronBatch = 256) => target switch
    {
        "hf" => JsonDocument.Parse(output).RootElement.GetProperty("stages").EnumerateArray()
            .Select(s => (s.GetProperty("firstStep").GetInt64(), ReferenceSchedulers.HuggingFace(s))).ToList(),
        "megatron" => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Chunk(2)
            .Select(c => (FirstStepOf(c[0]), ReferenceSchedulers.Megatron(c[1], megatronBatch))).ToList(),
        _ => output.Split('\n').Where(l => l.StartsWith("# cptc export:", StringComparison.Ordinal)).Select(FirstStepOf)
            .Zip(ReferenceSchedulers.ReadTorchtitan(output).Select(ReferenceSchedulers.Torchtitan)).ToList(),
    };

    /// <summary>"… steps 40001..50000 …" in a stage's comment line.</summary>
    static long FirstStepOf(string comment)
    {
        int at = comment.IndexOf(": steps ", StringComparison.Ordinal) + ": steps ".Length;
        return long.Parse(comment[at..comment.IndexOf("..", at, StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The largest relative deviation, in the metric of docs/export.md: |Δ| / max(|η|, 1e-9·stage peak).</summary>
    public static double MaxRelativeDeviation(EvaluationPlan plan, long firstStep, double[] used)
    {
        double peak = Enumerable.Range(0, used.Length).Max(i => plan.LearningRate(firstStep + i));
        double worst = 0;
        for (int i = 0; i < used.Length; i++)
        {
            double expected = plan.LearningRate(firstStep + i);
            worst = Math.Max(worst, Math.Abs(used[i] - expected) / Math.Max(Math.Abs(expected), 1e-9 * peak));
        }
        return worst;
    }

    public static double MaxAbsoluteDeviation(EvaluationPlan plan, long firstStep, double[] used) =>
        Enumerable.Range(0, used.Length).Max(i => Math.Abs(used[i] - plan.LearningRate(firstStep + i)));

    /// <summary>Every stage of the run is covered, each update reproduces cptc's LR.</summary>
    /// <remarks>Megatron is driven at global batch sizes 1 and 256: it counts samples.</remarks>
    public static void Reproduces(EvaluationPlan plan, string target, string output)
    {
        if (target == "megatron") Reproduces(plan, target, output, FrameworkLrs(target, output, 1));
        Reproduces(plan, target, output, FrameworkLrs(target, output));
    }

    static void Reproduces(EvaluationPlan plan, string target, string output, List<(long FirstStep, double[] Used)> stages)
    {
        Assert.Equal(plan.Stages.Where(s => s.Length > 0).Select(s => (s.FirstStep, s.Length)), stages.Select(s => (s.FirstStep, (long)s.Used.Length)));
        foreach (var (first, used) in stages)
        {
            double deviation = MaxRelativeDeviation(plan, first, used);
            Assert.True(deviation <= Tolerance, $"{target}: stage from step {first} deviates by {deviation:R}\n{output}");
        }
    }
}
