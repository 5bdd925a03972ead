using System.Text.Json;
using CptLang.Laws.Derived;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Plan;
using CptLang.Predicting;

namespace Cptc.Predict;

/// <summary><c>--format json</c> (format <c>cptc.predict/1</c>, docs/cli.md): the rows of the CSV as
/// columns, plus the settings used and every derived quantity.</summary>
internal static class JsonReport
{
    public const string Format = "cptc.predict/1";

    public static string Write(Prediction prediction, PredictionIntervals? intervals = null)
    {
        var plan = prediction.Plan;
        var table = prediction.Table;
        return JsonDocumentText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("run", plan.Run);
            json.WriteNumber("totalSteps", plan.TotalSteps);
            if (plan.SwitchStep is { } sw) json.WriteNumber("switchStep", sw); else json.WriteNull("switchStep");
            PlanJsonWriter.WriteSettings(json, plan.Settings);

            json.WriteStartArray("laws");
            for (int i = 0; i < table.Laws.Length; i++)
            {
                var law = table.Laws[i];
                json.WriteStartObject();
                json.WriteString("name", law.Name);
                json.WriteString("form", law.Form is { } f ? LawForms.Keyword(f) : "weighted-sum");
                json.WriteString("role", RoleName(law.Role));
                // a law that states its own λ (docs/language.md §7.2)
                if (prediction.Predictor.OwnLambda(i) is { } lambda) json.WriteNumber("lambda", lambda);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("steps");
            for (int row = 0; row < table.Count; row++) json.WriteNumberValue(table.Areas.StepAt(row));
            json.WriteEndArray();
            Column(json, "lr", table.Areas.LearningRate);
            json.WriteStartObject("losses");
            for (int law = 0; law < table.Laws.Length; law++) Column(json, table.Laws[law].Name, table.Loss(law));
            json.WriteEndObject();
            if (intervals is not null) Intervals(json, intervals);

            Derived(json, prediction.Derived, plan);
            json.WriteEndObject();
        });
    }

    /// <summary><c>"interval": {"level", "lower": {law: […]}, "upper": {…}}</c>, laws with a band only.</summary>
    static void Intervals(Utf8JsonWriter json, PredictionIntervals intervals)
    {
        json.WriteStartObject("interval");
        json.WriteNumber("level", intervals.Level);
        json.WriteStartObject("lower");
        foreach (var band in intervals.Laws.OfType<LawInterval>()) Column(json, band.Law, band.Lower.AsSpan());
        json.WriteEndObject();
        json.WriteStartObject("upper");
        foreach (var band in intervals.Laws.OfType<LawInterval>()) Column(json, band.Law, band.Upper.AsSpan());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    static void Derived(Utf8JsonWriter json, DerivedReport derived, EvaluationPlan plan)
    {
        json.WriteStartObject("derived");
        if (plan.SwitchStep is { } sw)
            Losses(json, "atSwitch", sw, derived.Laws.Where(l => l.AtSwitch is not null).Select(l => (l.Law, l.AtSwitch!.Value.Value)));
        else json.WriteNull("atSwitch");
        Losses(json, "atEnd", plan.TotalSteps, derived.Laws.Select(l => (l.Law, l.AtEnd.Value)));

        if (derived.Peak is { } peak)
        {
            json.WriteStartObject("peak");
            json.WriteString("law", peak.Law);
            json.WriteNumber("step", peak.Step);
            json.WriteNumber("continualSteps", peak.ContinualSteps);
            json.WriteNumber("loss", peak.Loss);
            json.WriteNumber("switchLoss", peak.SwitchLoss);
            json.WriteEndObject();
        }
        else json.WriteNull("peak");

        if (derived.Turning is { } turning)
        {
            json.WriteStartObject("turningLength");
            json.WriteString("law", turning.Law);
            json.WriteString("outcome", OutcomeName(turning.Outcome));
            if (turning.ContinualSteps is { } t) json.WriteNumber("continualSteps", t); else json.WriteNull("continualSteps");
            if (turning.Step is { } s) json.WriteNumber("step", s); else json.WriteNull("step");
            json.WriteNumber("switchLoss", turning.SwitchLoss);
            json.WriteNumber("finalLoss", turning.FinalLoss);
            json.WriteNumber("longRunLimit", turning.LongRunLimit);
            json.WriteEndObject();
        }
        else json.WriteNull("turningLength");

        if (derived.LossPotential is { } lp)
        {
            json.WriteStartObject("lossPotential");
            json.WriteNumber("value", lp.Value);
            json.WriteNumber("finalLr", lp.FinalLearningRate);
            json.WriteNumber("peakLr", lp.PeakLearningRate);
            json.WriteEndObject();
        }
        else json.WriteNull("lossPotential");

        json.WriteStartArray("notes");
        foreach (var note in derived.Notes) json.WriteStringValue(note);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    static void Losses(Utf8JsonWriter json, string name, long step, IEnumerable<(string Law, double Loss)> losses)
    {
        json.WriteStartObject(name);
        json.WriteNumber("step", step);
        json.WriteStartObject("losses");
        foreach (var (law, loss) in losses) json.WriteNumber(law, loss);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    static void Column(Utf8JsonWriter json, string name, ReadOnlySpan<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }

    public static string RoleName(ValidationRole role) => role switch
    {
        ValidationRole.General => "general",
        ValidationRole.Domain => "domain",
        _ => "other",
    };

    public static string OutcomeName(TurningOutcome outcome) => outcome switch
    {
        TurningOutcome.Within => "within",
        TurningOutcome.NotWithinRun => "not-within-run",
        TurningOutcome.Never => "never",
        TurningOutcome.EndsAnnealed => "ends-annealed",
        _ => "no-rise",
    };
}
