using System.Text.Json;
using CptLang.Laws.Planning;
using CptLang.Plan;

namespace Cptc.Optimize;

/// <summary><c>--format json</c> (format <c>cptc.optimize/1</c>, docs/cli.md).</summary>
internal static class OptimizeJsonReport
{
    public const string Format = "cptc.optimize/1";

    public static string Write(OptimizeOutcome outcome)
    {
        var problem = outcome.Problem;
        var result = outcome.Result;
        return JsonDocumentText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("run", outcome.Sweep.Run);
            json.WriteNumber("candidates", outcome.Candidates);
            json.WriteNumber("evaluated", result.Evaluated);
            json.WriteNumber("feasible", result.Feasible);
            json.WriteNumber("invalid", result.Invalid);
            json.WriteStartArray("axes");
            foreach (var axis in problem.Axes)
            {
                json.WriteStartObject();
                json.WriteString("name", AxisFormat.Name(axis));
                json.WriteNumber("count", axis.Count);
                json.WriteBoolean("continuous", axis.IsContinuous);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("objective");
            foreach (var term in problem.Objective.Terms)
            {
                json.WriteStartObject();
                json.WriteString("law", term.Law);
                json.WriteNumber("weight", term.Weight);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("requirements");
            foreach (var c in problem.Constraints) json.WriteStringValue(c.Describe());
            json.WriteEndArray();
            json.WritePropertyName("recommended");
            if (result.Recommended is { } best) Candidate(json, problem, best); else json.WriteNullValue();
            if (outcome.Comparison is { } comparison) Uncertainty(json, comparison);
            List(json, problem, "best", result.Best);
            List(json, problem, "front", result.Front);
            List(json, problem, "closest", result.Closest);
            json.WriteEndObject();
        });
    }

    /// <summary><c>"uncertainty"</c> of the recommendation (only when every objective law has one).</summary>
    static void Uncertainty(Utf8JsonWriter json, CptLang.Laws.Fitting.Uncertainty.CandidateComparison c)
    {
        json.WriteStartObject("uncertainty");
        json.WriteNumber("level", c.Level);
        json.WriteNumber("samples", c.Samples);
        json.WriteStartObject("losses");
        foreach (var law in c.Losses) Interval(json, law.Law, law);
        json.WriteEndObject();
        Interval(json, "objective", c.Objective);
        if (c.BeatsRunnerUp is { } p) json.WriteNumber("beatsRunnerUp", p); else json.WriteNull("beatsRunnerUp");
        json.WriteEndObject();
    }

    static void Interval(Utf8JsonWriter json, string name, CptLang.Laws.Fitting.Uncertainty.LossInterval i)
    {
        json.WriteStartObject(name);
        json.WriteNumber("value", i.Loss);
        json.WriteNumber("lower", i.Lower);
        json.WriteNumber("upper", i.Upper);
        json.WriteEndObject();
    }

    static void List(Utf8JsonWriter json, SweepProblem problem, string name, IEnumerable<CandidateResult> rows)
    {
        json.WriteStartArray(name);
        foreach (var c in rows) Candidate(json, problem, c);
        json.WriteEndArray();
    }

    static void Candidate(Utf8JsonWriter json, SweepProblem problem, CandidateResult c)
    {
        json.WriteStartObject();
        if (c.Index >= 0) json.WriteNumber("index", c.Index); else json.WriteNull("index");
        json.WriteStartObject("values");
        for (int i = 0; i < problem.Axes.Length; i++)
        {
            var axis = problem.Axes[i];
            if (axis.Kind == AxisKind.DecayShape) json.WriteString(AxisFormat.Name(axis), AxisFormat.Raw(axis, c.Values[i]));
            else json.WriteNumber(AxisFormat.Name(axis), c.Values[i]);
        }
        json.WriteEndObject();
        json.WriteNumber("objective", c.Objective);
        json.WriteStartObject("losses");
        for (int i = 0; i < problem.Objective.Terms.Length; i++) json.WriteNumber(problem.Objective.Terms[i].Law, c.ObjectiveLosses[i]);
        json.WriteEndObject();
        Number(json, "generalLoss", c.GeneralLoss);
        Number(json, "domainLoss", c.DomainLoss);
        if (c.Turning is { } t)
        {
            json.WriteStartObject("turning");
            json.WriteString("outcome", OptimizeCsvReport.OutcomeName(t.Outcome));
            if (t.ContinualSteps is long s) json.WriteNumber("steps", s); else json.WriteNull("steps");
            json.WriteNumber("switchLoss", t.SwitchLoss);
            json.WriteNumber("longRunLimit", t.LongRunLimit);
            json.WriteEndObject();
        }
        else json.WriteNull("turning");
        Number(json, "lossPotential", c.LossPotential);
        json.WriteNumber("cptSteps", c.CptSteps);
        json.WriteStartArray("violations");
        foreach (var v in c.Violations) json.WriteStringValue(v);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v)) json.WriteNumber(name, v); else json.WriteNull(name);
    }
}
