using System.Globalization;
using System.Text;
using CptLang.Laws.Schedules;
using CptLang.Plan;

namespace CptLang.Export.Tables;

/// <summary>
/// The LR of every step of a run, for any framework (a <c>LambdaLR</c> can read it): CSV
/// <c>step,lr,domain,replay</c>, the same columns as JSON arrays, or a NumPy <c>.npy</c> vector whose
/// element <c>i</c> is the LR of step <c>i + 1</c>. Steps count from 1; values are written in their
/// shortest round-trip form, so reading them back gives cptc's doubles bit for bit.
/// </summary>
public static class LearningRateTable
{
    /// <summary>More rows than this are refused (CPT4005): a table of every step is for real runs, not 1e15-step ones.</summary>
    public const long MaxRows = 10_000_000;

    public static string Csv(EvaluationPlan plan)
    {
        var text = new StringBuilder("step,lr,domain,replay\n", capacity: (int)Math.Min(plan.TotalSteps * 40, int.MaxValue / 2));
        // the domain and replay columns are the same on every row of a stage: format them once
        var suffixes = plan.Stages.ToDictionary(s => s, s => $",{s.Domain},{Number(s.ReplayRatio)}\n");
        Span<char> buffer = stackalloc char[32];
        foreach (var segment in plan.Segments)
        {
            string suffix = suffixes[plan.Stages[segment.Stage]];
            for (long step = segment.FirstStep; step <= segment.LastStep; step++)
            {
                step.TryFormat(buffer, out int length, default, CultureInfo.InvariantCulture);
                text.Append(buffer[..length]).Append(',');
                segment.LearningRate(step).TryFormat(buffer, out length, "R", CultureInfo.InvariantCulture);
                text.Append(buffer[..length]).Append(suffix);
            }
        }
        return text.ToString();
    }

    public static string Json(EvaluationPlan plan) => JsonDocumentText.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("format", "cptc.lr/1");
        json.WriteString("run", plan.Run);
        json.WriteNumber("totalSteps", plan.TotalSteps);
        if (plan.SwitchStep is { } switchStep) json.WriteNumber("switchStep", switchStep); else json.WriteNull("switchStep");
        foreach (var (name, write) in new (string, Action<long, double, Stage>)[]
        {
            ("step", (step, _, _) => json.WriteNumberValue(step)),
            ("lr", (_, lr, _) => json.WriteNumberValue(lr)),
            ("domain", (_, _, stage) => json.WriteStringValue(stage.Domain)),
            ("replay", (_, _, stage) => json.WriteNumberValue(stage.ReplayRatio)),
        })
        {
            json.WriteStartArray(name);
            Walk(plan, write);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    });

    public static byte[] Npy(EvaluationPlan plan)
    {
        var values = new double[plan.TotalSteps];
        Walk(plan, (step, lr, _) => values[step - 1] = lr);
        return NpyFormat.Write(values);
    }

    static void Walk(EvaluationPlan plan, Action<long, double, Stage> row)
    {
        foreach (var segment in plan.Segments)
        {
            var stage = plan.Stages[segment.Stage];
            for (long step = segment.FirstStep; step <= segment.LastStep; step++) row(step, segment.LearningRate(step), stage);
        }
    }

    static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
