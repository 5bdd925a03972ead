using System.Globalization;
using System.Text;
using CptLang;
using CptLang.Laws.Laws;

namespace Cptc.Tests;

/// <summary>Training logs made from a known law, for tests of <c>cptc fit</c>: a CSV
/// <c>step,loss</c> per run of <paramref name="source"/> (runs and laws) every
/// <paramref name="every"/> steps, with the first law's loss unless <paramref name="loss"/> says otherwise.</summary>
internal static class SyntheticLogs
{
    /// <returns>Run name → path of its log in <paramref name="dir"/>.</returns>
    public static Dictionary<string, string> Write(TempDirectory dir, string source, int every = 100,
        Func<CptLang.Laws.Schedules.EvaluationPlan, long, double, double>? loss = null, string format = "R")
    {
        var truth = Compilation.Create(source);
        Assert.False(truth.HasErrors, string.Join("\n", truth.Diagnostics));
        return truth.Plans.ToDictionary(p => p.Run, plan =>
        {
            long[] steps = [.. Enumerable.Range(1, (int)(plan.TotalSteps / every)).Select(i => (long)every * i)];
            var table = new LossPredictor(plan, truth.Laws).Predict(steps);
            var csv = new StringBuilder("step,loss\n");
            for (int i = 0; i < steps.Length; i++)
            {
                double value = loss?.Invoke(plan, steps[i], table.Loss(0)[i]) ?? table.Loss(0)[i];
                csv.Append(steps[i].ToString(CultureInfo.InvariantCulture)).Append(',').Append(value.ToString(format, CultureInfo.InvariantCulture)).Append('\n');
            }
            return dir.File(plan.Run + ".csv", csv.ToString());
        });
    }

    /// <summary><c>--data RUN=LOG</c> for every log.</summary>
    public static string[] Data(Dictionary<string, string> logs) => [.. logs.SelectMany(l => new[] { "--data", $"{l.Key}={l.Value}" })];
}
