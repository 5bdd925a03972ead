using System.Text.Json;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Plan;

/// <summary>
/// The stable JSON form of a compiled file (<c>cptc build</c>), format <c>cptc.plan/1</c>:
/// every run's evaluation plan and every law. Property order is fixed, numbers are the shortest
/// text that reads back as the same double, so the output is byte-identical across runs and
/// machines. docs/plan-format.md describes each field.
/// </summary>
public static class PlanJsonWriter
{
    public const string Format = "cptc.plan/1";

    public static string Write(IReadOnlyList<EvaluationPlan> plans, IReadOnlyList<LawDefinition> laws)
    {
        return JsonDocumentText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartArray("runs");
            foreach (var plan in plans) WritePlan(json, plan);
            json.WriteEndArray();
            json.WriteStartArray("laws");
            foreach (var law in laws) WriteLaw(json, law);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    static void WritePlan(Utf8JsonWriter json, EvaluationPlan plan)
    {
        json.WriteStartObject();
        json.WriteString("name", plan.Run);
        json.WriteNumber("peakLr", plan.PeakLr);
        if (plan.TokensPerStep is { } tps) json.WriteNumber("tokensPerStep", tps); else json.WriteNull("tokensPerStep");
        WriteSettings(json, plan.Settings);
        json.WriteNumber("totalSteps", plan.TotalSteps);
        if (plan.SwitchStep is { } sw) json.WriteNumber("switchStep", sw); else json.WriteNull("switchStep");

        json.WriteStartArray("stages");
        foreach (var stage in plan.Stages)
        {
            json.WriteStartObject();
            json.WriteString("kind", stage.Kind switch
            {
                StageKind.Pretraining => "pretraining",
                StageKind.UnknownPretraining => "unknown-pretraining",
                _ => "continual",
            });
            json.WriteString("domain", stage.Domain);
            json.WriteNumber("firstStep", stage.FirstStep);
            json.WriteNumber("lastStep", stage.LastStep);
            json.WriteNumber("replayRatio", stage.ReplayRatio);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("segments");
        foreach (var segment in plan.Segments)
        {
            json.WriteStartObject();
            json.WriteNumber("firstStep", segment.FirstStep);
            json.WriteNumber("lastStep", segment.LastStep);
            json.WriteNumber("stage", segment.Stage);
            json.WriteString("phase", segment.Phase.ToString().ToLowerInvariant());
            json.WriteStartObject("kernel");
            json.WriteString("shape", SyntaxFacts.PlanShapeName(segment.Kernel.Shape));
            json.WriteNumber("from", segment.Kernel.From);
            json.WriteNumber("to", segment.Kernel.To);
            if (segment.Kernel.Shape == Shape.Polynomial) json.WriteNumber("power", segment.Kernel.Exponent);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary><c>"settings": { "lambda", "warmupArea", "s2Split" }</c>, shared by every JSON output.</summary>
    public static void WriteSettings(Utf8JsonWriter json, PlanSettings settings)
    {
        json.WriteStartObject("settings");
        json.WriteNumber("lambda", settings.Lambda);
        json.WriteString("warmupArea", SettingNames.Of(settings.WarmupArea));
        json.WriteString("s2Split", SettingNames.Of(settings.S2Split));
        json.WriteEndObject();
    }

    static void WriteLaw(Utf8JsonWriter json, LawDefinition law)
    {
        json.WriteStartObject();
        json.WriteString("name", law.Name);
        switch (law)
        {
            case ParametricLaw parametric:
                json.WriteString("form", LawForms.Keyword(parametric.Parameters.Form));
                json.WriteStartObject("parameters");
                var p = parametric.Parameters;
                for (int i = 0; i < p.Names.Length; i++) json.WriteNumber(p.Names[i], p.Values[i]);
                json.WriteEndObject();
                if (p.Lambda is { } lambda) json.WriteNumber("lambda", lambda);
                break;
            case WeightedSumLaw sum:
                json.WriteString("form", "weighted-sum");
                json.WriteStartArray("terms");
                foreach (var term in sum.Terms)
                {
                    json.WriteStartObject();
                    json.WriteNumber("weight", term.Weight);
                    json.WriteString("law", term.Law);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
        }
        json.WriteEndObject();
    }
}
