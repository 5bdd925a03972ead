using System.Globalization;
using System.Text;
using System.Text.Json;
using CptLang.Fitting;
using CptLang.Laws.Fitting;
using CptLang.Plan;

namespace Cptc.Fit;

/// <summary>The output of <c>cptc fit</c>: text (the block, the objective, a metrics table) or
/// JSON (format <c>cptc.fit/1</c>, docs/cli.md).</summary>
internal static class FitReport
{
    public const string Format = "cptc.fit/1";

    public static string Text(FitOutcome fit)
    {
        var text = new StringBuilder(fit.Block);
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture,
            $"objective {CptLang.Diagnostics.DisplayFormat.Number(fit.Objective)} ({fit.ObjectiveKind}; {fit.Points} points, {fit.FreeParameters} fitted parameters{(fit.Starts is { } starts ? $", best of {starts} starts" : "")})\n");
        if (fit.Note is { } note) text.Append(note).Append('\n');
        foreach (var line in fit.Notes) text.Append(line).Append('\n');
        text.Append('\n');
        var rows = new List<string[]> { new[] { "run", "set", "points", "R2", "MAE", "RMSE", "MAPE %", "worst %" } };
        foreach (var run in fit.Runs) rows.Add(Row(run.Run, run.HeldOut ? "held out" : "fitted", run.Metrics));
        rows.Add(Row("(all)", "fitted", fit.Fitted));
        if (fit.HeldOut is { } heldOut) rows.Add(Row("(all)", "held out", heldOut));
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    static string[] Row(string run, string set, FitMetrics m) =>
        [run, set, m.Points.ToString(CultureInfo.InvariantCulture), Fixed(m.R2, 5), Fixed(m.Mae, 5), Fixed(m.Rmse, 5), Fixed(m.Mape, 3), Fixed(m.Worst, 3)];

    static string Fixed(double value, int digits) => double.IsNaN(value) ? "-" : Figures.Fixed(value, digits);

    public static string Json(FitOutcome fit) => JsonDocumentText.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("law", fit.Law);
        json.WriteString("form", fit.Form);
        json.WriteStartObject("params");
        foreach (var (name, value) in fit.Parameters) json.WriteNumber(name, value);
        json.WriteEndObject();
        json.WriteNumber("objective", fit.Objective);
        json.WriteNumber("points", fit.Points);
        json.WriteNumber("fittedParameters", fit.FreeParameters);
        if (fit.Starts is { } starts) json.WriteNumber("starts", starts); else json.WriteNull("starts");
        if (fit.Note is { } note) json.WriteString("note", note);
        json.WriteNumber("sharedRows", fit.SharedRows);
        if (fit.Lambda is { } lambda) json.WriteNumber("lambda", lambda);
        json.WriteStartArray("runs");
        foreach (var run in fit.Runs)
        {
            json.WriteStartObject();
            json.WriteString("run", run.Run);
            json.WriteBoolean("heldout", run.HeldOut);
            Metrics(json, run.Metrics);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("fitted");
        Metrics(json, fit.Fitted);
        json.WriteEndObject();
        if (fit.HeldOut is { } heldOut)
        {
            json.WriteStartObject("heldout");
            Metrics(json, heldOut);
            json.WriteEndObject();
        }
        else json.WriteNull("heldout");
        json.WriteString("block", fit.Block);
        json.WriteEndObject();
    });

    static void Metrics(Utf8JsonWriter json, FitMetrics m)
    {
        json.WriteNumber("points", m.Points);
        Number(json, "r2", m.R2);
        Number(json, "mae", m.Mae);
        Number(json, "rmse", m.Rmse);
        Number(json, "mape", m.Mape);
        Number(json, "worst", m.Worst);
    }

    static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
