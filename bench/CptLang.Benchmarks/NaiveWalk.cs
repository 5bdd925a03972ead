using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Benchmarks;

/// <summary>
/// The straightforward way, for comparison: walk every step with the recurrence of docs/laws.md §1
/// (step split, warmup counted at peak) and evaluate Eq. 4 with <c>Math.Pow</c> where asked.
/// </summary>
public static class NaiveWalk
{
    /// <summary>Loss of each law at every step up to <paramref name="lastStep"/>.</summary>
    public static void Curve(EvaluationPlan plan, LawParameters[] laws, long lastStep, double[][] into) =>
        Walk(plan, laws, lastStep, (s, i, l) => into[l][s - 1] = i, null);

    /// <summary>Loss of each law at the ascending <paramref name="steps"/>.</summary>
    public static void Sampled(EvaluationPlan plan, LawParameters[] laws, long[] steps, double[][] into)
    {
        int next = 0;
        Walk(plan, laws, steps[^1], null, (s, values) =>
        {
            while (next < steps.Length && steps[next] == s)
            {
                for (int l = 0; l < laws.Length; l++) into[l][next] = values[l];
                next++;
            }
        }, steps);
    }

    static void Walk(EvaluationPlan plan, LawParameters[] laws, long lastStep, Action<long, double, int>? perStep, Action<long, double[]>? atSample, long[]? samples = null)
    {
        double lambda = plan.Settings.Lambda;
        long tpt = plan.SwitchStep ?? long.MaxValue;
        double s1pt = 0, s1cpt = 0, s2pt = 0, s2cpt = 0, m = 0, previous = double.NaN;
        var values = new double[laws.Length];
        int sample = 0;
        foreach (var seg in plan.Segments)
        {
            bool peak = seg.Phase == PhaseKind.Warmup && seg.LastStep <= tpt;
            for (long s = seg.FirstStep; s <= Math.Min(seg.LastStep, lastStep); s++)
            {
                double eta = peak ? seg.Kernel.To : seg.LearningRate(s);
                if (double.IsNaN(previous)) previous = eta;
                m = lambda * m + (previous - eta);
                previous = eta;
                if (s <= tpt) { s1pt += eta; s2pt += m; }
                else { s1cpt += eta; s2cpt += m; }
                bool wanted = perStep is not null || (samples is not null && sample < samples.Length && samples[sample] == s);
                if (!wanted) continue;
                for (int l = 0; l < laws.Length; l++)
                {
                    var p = laws[l];
                    double loss = p["L0"] + p["A"] * Math.Pow(s1pt + s1cpt, -p["alpha"]) - p["C1"] * s2pt - p["C2"] * s2cpt
                        + p["B"] * (1 - Math.Pow(1 + p["E"] * s1cpt, -p["beta"]));
                    values[l] = loss;
                    perStep?.Invoke(s, loss, l);
                }
                if (atSample is not null)
                {
                    atSample(s, values);
                    while (sample < samples!.Length && samples[sample] <= s) sample++;
                }
            }
        }
    }
}
