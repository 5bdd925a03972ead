using CsCheck;

namespace Cptc.Tests.Export;

/// <summary>
/// The contract of the framework targets: whatever a random stage looks like, `cptc export`
/// either writes settings with which the framework's own scheduler (re-implemented in
/// <see cref="ReferenceSchedulers"/>) reproduces cptc's LR on every update to 1e-12, or refuses
/// with CPT4201/CPT4202 and writes nothing.
/// </summary>
public class ExportExactnessTests
{
    static readonly string[] Targets = ["hf", "megatron", "torchtitan"];

    /// <summary>0 (the phase is absent) half of the time.</summary>
    static Gen<int> Maybe(Gen<int> length) => Gen.Bool.SelectMany(on => on ? length : Gen.Const(0));

    static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    /// <summary>A WSD-like stage with every knob a user may turn, and some no framework has.</summary>
    static readonly Gen<string> Stage =
        from lead in Gen.Bool
        from warmup in Maybe(Gen.Int[1, 120])
        from warmupFrom in Pick("", "from 0", "from 10%", "from 1e-5")
        from warmupShape in Pick("", "linear", "cosine", "1-sqrt")
        from stable in Maybe(Gen.Int[1, 150])
        from decay in Maybe(Gen.Int[1, 150])
        from decayTo in Pick("0", "1%", "10%", "50%")
        from decayShape in Pick("linear", "cosine", "1-sqrt", "square", "exponential", "polynomial(2)", "inverse-sqrt")
        from tail in Maybe(Gen.Int[1, 20])
        from drop in Gen.Int[0, 9]
        select Compose(lead, warmup, warmupFrom, warmupShape, stable, decay, decayTo, decayShape, tail, drop == 0);

    static string Compose(bool lead, int warmup, string warmupFrom, string warmupShape, int stable, int decay, string decayTo,
        string decayShape, int tail, bool drop)
    {
        var phases = new List<string>();
        if (warmup > 0)
        {
            string from = warmupFrom == "" ? "0" : warmupFrom[5..];
            if (lead) phases.Add($"stable 1 step at {from}");
            phases.Add($"warmup {warmup} steps {warmupFrom} {warmupShape}".TrimEnd());
        }
        if (stable > 0) phases.Add($"stable {stable} steps at 3e-4");
        if (drop) phases.Add("drop to 1.5e-4");
        if (decay > 0)
        {
            // geometric shapes cannot reach 0 (CPT2001)
            string to = decayTo == "0" && decayShape is "exponential" or "inverse-sqrt" ? "1%" : decayTo;
            phases.Add($"decay {decay} steps to {to} {decayShape}");
            if (tail > 0) phases.Add($"stable {tail} steps");
        }
        if (phases.Count == 0 || phases.All(p => p.StartsWith("drop", StringComparison.Ordinal))) phases.Add("stable 10 steps");
        return "run r {\n  peak_lr 3e-4\n  train web {\n" + string.Concat(phases.Select(p => $"    {p}\n")) + "  }\n}\n";
    }

    [Fact]
    public void EveryTargetIsExactOrRefuses()
    {
        int[] exported = new int[Targets.Length], refused = new int[Targets.Length];
        using var dir = new TempDirectory();
        Stage.Sample(source =>
        {
            var plan = ExportAssert.Plan(source);
            for (int t = 0; t < Targets.Length; t++)
            {
                string target = Targets[t];
                var result = ExportAssert.Export(dir, source, "--target", target);
                if (result.ExitCode == 0)
                {
                    ExportAssert.Reproduces(plan, target, result.Out);
                    Interlocked.Increment(ref exported[t]);
                }
                else
                {
                    Assert.True(result.ExitCode == 1, $"{target}: exit {result.ExitCode}\n{result.Error}\n{source}");
                    Assert.True(System.Text.RegularExpressions.Regex.IsMatch(result.Error, "error CPT420[12]"), result.Error);
                    Assert.Equal("", result.Out);
                    Interlocked.Increment(ref refused[t]);
                }
            }
        }, iter: 250);
        // the property means something only if both outcomes happen for every target
        for (int t = 0; t < Targets.Length; t++)
            Assert.True(exported[t] > 10 && refused[t] > 10, $"{Targets[t]}: {exported[t]} exported, {refused[t]} refused");
    }

    [Fact]
    public void ApproximateSettingsStateTheirTrueDeviation()
    {
        using var dir = new TempDirectory();
        Stage.Sample(source =>
        {
            var plan = ExportAssert.Plan(source);
            foreach (var target in Targets)
            {
                var result = ExportAssert.Export(dir, source, "--target", target, "--allow-approximate");
                if (result.ExitCode != 0) { Assert.True(result.Error.Contains("error CPT4201"), result.Error); continue; }
                foreach (var (first, used) in ExportAssert.FrameworkLrs(target, result.Out))
                {
                    double relative = ExportAssert.MaxRelativeDeviation(plan, first, used);
                    if (relative <= ExportAssert.Tolerance) continue;
                    // the warning names the largest absolute deviation, measured over every step
                    double absolute = ExportAssert.MaxAbsoluteDeviation(plan, first, used);
                    Assert.Contains("warning CPT4203", result.Error);
                    Assert.Contains($"differs by up to {CptLang.Diagnostics.DisplayFormat.Number(absolute)} ", result.Error);
                }
            }
        }, iter: 150);
    }
}
