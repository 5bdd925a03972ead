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
        if (fit.Uncertainty is { } u)
            text.Append(CultureInfo.InvariantCulture,
                $"uncertainty: {u.Replicates} bootstrap replicates over residual blocks of {u.Runs} {(u.Runs == 1 ? "run" : "runs")}, scales inflated x{CptLang.Diagnostics.DisplayFormat.Number(u.Inflation)} by leave-one-run-out errors, noise {CptLang.Diagnostics.DisplayFormat.Number(u.Noise)} in ln loss (docs/laws.md §9.1)\n");
        text.Append('\n');
        if (fit.Selection is { } selection) Selection(text, selection);
        var rows = new List<string[]> { new[] { "run", "set", "points", "R2", "MAE", "RMSE", "MAPE %", "worst %" } };
        foreach (var run in fit.Runs) rows.Add(Row(run.Run, run.HeldOut ? "held out" : "fitted", run.Metrics));
        rows.Add(Row("(all)", "fitted", fit.Fitted));
        if (fit.HeldOut is { } heldOut) rows.Add(Row("(all)", "held out", heldOut));
        Table(text, rows, 2);
        return text.ToString();
    }

    /// <summary>Columns before <paramref name="left"/> are aligned left, the numbers right.</summary>
    static void Table(StringBuilder text, List<string[]> rows, int left)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, c) => c < left ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
    }

    /// <summary>--form auto: each form tried and its score, then the winner.</summary>
    static void Selection(StringBuilder text, FormSelection selection)
    {
        int runs = selection.Scores[0].Runs;
        var notPredicted = selection.NotPredicted();
        string unscored = notPredicted.Count == 0 ? "" : $", except {string.Join("; ", notPredicted)}";
        string reason = runs < 2 ? $"{runs} fitted run; leave-one-run-out needs two"
            : notPredicted.Count > 0 ? $"no fitted run is predicted from the others: {string.Join("; ", notPredicted)}"
            : "no finite prediction";
        text.Append(selection.Fallback
            ? $"--form auto: forms not compared ({reason}); fitted as {selection.Chosen}, the default\n"
            : $"--form auto: {selection.Chosen} chosen by {FormSelection.Metric} (each of {runs} fitted runs predicted from the others{unscored}; within {(FormSelection.Tie * 100).ToString(CultureInfo.InvariantCulture)} % of the best, fewer parameters win)\n");
        var rows = new List<string[]> { new[] { "form", "score(MAE)", "runs", "parameters", "" } };
        foreach (var score in selection.Scores)
            rows.Add([score.Form, Fixed(score.Mae, 5), score.Runs.ToString(CultureInfo.InvariantCulture),
                score.Parameters.ToString(CultureInfo.InvariantCulture), score.Form == selection.Chosen ? "chosen" : ""]);
        Table(text, rows, 1);
        text.Append('\n');
    }

    /// <summary>The prior (centre and scale per parameter, in ln for log terms), the strength used
    /// and each strength's leave-one-run-out score.</summary>
    static void Regularisation(Utf8JsonWriter json, FitRegularisation r)
    {
        json.WriteStartObject("regularisation");
        json.WriteString("source", r.Prior.Source);
        json.WriteStartArray("prior");
        foreach (var term in r.Prior.Terms)
        {
            json.WriteStartObject();
            json.WriteString("param", term.Name);
            json.WriteBoolean("log", term.Log);
            json.WriteNumber("centre", term.Centre);
            json.WriteNumber("scale", term.Scale);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("strength", r.Strength);
        json.WriteStartArray("scores");
        foreach (var score in r.Scores)
        {
            json.WriteStartObject();
            json.WriteNumber("strength", score.Strength);
            Number(json, "mae", score.Mae);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
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
        json.WriteNumber("warmupRows", fit.WarmupRows);
        json.WriteNumber("stepZeroRows", fit.StepZeroRows);
        if (fit.Lambda is { } lambda) json.WriteNumber("lambda", lambda);
        if (fit.Regularisation is { } regularisation) Regularisation(json, regularisation);
        if (fit.Selection is { } selection)
        {
            json.WriteStartArray("formSelection");
            foreach (var score in selection.Scores)
            {
                json.WriteStartObject();
                json.WriteString("form", score.Form);
                Number(json, "mae", score.Mae);
                json.WriteNumber("runs", score.Runs);
                json.WriteNumber("parameters", score.Parameters);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("unscoredRuns");
            foreach (var run in selection.Unscored) json.WriteStringValue(run);
            json.WriteEndArray();
            json.WriteStartArray("sharedRuns");
            foreach (var run in selection.Shared) json.WriteStringValue(run);
            json.WriteEndArray();
            json.WriteString("chosenForm", selection.Chosen);
        }
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
        if (fit.Uncertainty is { } u)
        {
            json.WriteStartObject("uncertainty");
            json.WriteNumber("runs", u.Runs);
            json.WriteNumber("replicates", u.Replicates);
            json.WriteNumber("inflation", u.Inflation);
            json.WriteNumber("noise", u.Noise);
            if (u.Reach is { } reach) json.WriteNumber("reach", reach);
            else json.WriteNull("reach");
            json.WriteStartObject("sd");
            foreach (var (name, scale) in u.Scales) json.WriteNumber(name, scale);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else json.WriteNull("uncertainty");
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
