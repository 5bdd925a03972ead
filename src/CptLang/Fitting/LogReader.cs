using System.Globalization;
using System.Text;
using System.Text.Json;
using CptLang.Diagnostics;
using CptLang.Text;
using nietras.SeparatedValues;

namespace CptLang.Fitting;

/// <summary>
/// Reads a training log exported from W&amp;B or TensorBoard: CSV or TSV (any separator Sep
/// detects from the header line) or JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>, or a file whose
/// first character is <c>{</c>). Extra columns are ignored, rows may be at any spacing. Every
/// problem is a diagnostic at the offending cell (file, line, column); the first error stops
/// the reading.
/// </summary>
public static class LogReader
{
    /// <summary>The log, or the diagnostics that say why it cannot be used.</summary>
    public static (TrainingLog? Log, Diagnostic? Error) Read(SourceText text, LogColumns columns)
    {
        var rows = new List<Row>();
        var error = IsJsonLines(text) ? ReadJsonLines(text, columns, rows) : ReadSeparated(text, columns, rows);
        error ??= Check(text, columns, rows);
        if (error is not null) return (null, error);
        bool hasLr = rows.Count > 0 && rows[0].LearningRate is not null;
        return (new TrainingLog(text,
            [.. rows.Select(r => r.Step)], [.. rows.Select(r => r.Loss)],
            hasLr ? [.. rows.Select(r => r.LearningRate!.Value)] : null,
            [.. rows.Select(r => r.StepSpan)], [.. rows.Select(r => r.LearningRateSpan)]), null);
    }

    sealed record Row(long Step, double Loss, double? LearningRate, TextSpan StepSpan, TextSpan LossSpan, TextSpan LearningRateSpan, int Line);

    static bool IsJsonLines(SourceText text) =>
        text.Path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || text.Path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
        || text.Text.TrimStart().StartsWith('{');

    static Diagnostic? ReadSeparated(SourceText text, LogColumns columns, List<Row> rows)
    {
        if (text.Text.Trim().Length == 0) return DiagnosticBuilder.At(default).LogEmpty(text.Path);
        using var reader = Sep.Reader(o => o with { DisableColCountCheck = true, Trim = SepTrim.All, Unescape = true }).FromText(text.Text);
        var header = reader.Header;
        var names = header.ColNames;
        var headerSpan = new TextSpan(0, text.GetLineText(0).Length);
        if (!header.TryIndexOf(columns.Step, out int stepColumn))
            return DiagnosticBuilder.At(headerSpan).LogMissingColumn(columns.Step, "step", names, "--step-column");
        if (!header.TryIndexOf(columns.Loss, out int lossColumn))
            return DiagnosticBuilder.At(headerSpan).LogMissingColumn(columns.Loss, "loss", names, "RUN=LOG:COLUMN or --loss-column");
        int lrColumn = header.TryIndexOf(columns.LearningRate, out int lr) ? lr : -1;

        foreach (var row in reader)
        {
            int lineIndex = row.LineNumberFrom - 1;
            string line = text.GetLineText(lineIndex);
            if (line.Trim().Length == 0) continue;
            int lineStart = text.GetLineStart(lineIndex);
            var cells = new string[row.ColCount];
            for (int c = 0; c < cells.Length; c++) cells[c] = row[c].ToString();
            var spans = CellSpans(line, lineStart, cells);
            string Cell(int c) => c < cells.Length ? cells[c] : "";
            TextSpan SpanOf(int c) => c < spans.Length ? spans[c] : new TextSpan(lineStart + line.Length, 0);

            if (ParseStep(Cell(stepColumn), SpanOf(stepColumn)) is { } stepError) return stepError;
            if (ParseNumber(Cell(lossColumn), columns.Loss, SpanOf(lossColumn), out double loss) is { } lossError) return lossError;
            double? learningRate = null;
            if (lrColumn >= 0)
            {
                if (ParseNumber(Cell(lrColumn), columns.LearningRate, SpanOf(lrColumn), out double value) is { } lrError) return lrError;
                learningRate = value;
            }
            rows.Add(new Row(long.Parse(Cell(stepColumn), NumberStyles.None, CultureInfo.InvariantCulture), loss, learningRate,
                SpanOf(stepColumn), SpanOf(lossColumn), lrColumn >= 0 ? SpanOf(lrColumn) : default, lineIndex + 1));
        }
        return null;
    }

    /// <summary>Where each cell of a line is: each cell's text is searched from the end of the
    /// previous one (quotes and padding around a cell are skipped this way).</summary>
    static TextSpan[] CellSpans(string line, int lineStart, string[] cells)
    {
        var spans = new TextSpan[cells.Length];
        int from = 0;
        for (int c = 0; c < cells.Length; c++)
        {
            int at = cells[c].Length == 0 ? -1 : line.IndexOf(cells[c], from, StringComparison.Ordinal);
            if (at < 0) at = Math.Min(from, line.Length);
            spans[c] = new TextSpan(lineStart + at, cells[c].Length);
            from = Math.Min(line.Length, at + cells[c].Length);
        }
        return spans;
    }

    static Diagnostic? ReadJsonLines(SourceText text, LogColumns columns, List<Row> rows)
    {
        for (int lineIndex = 0; lineIndex < text.LineCount; lineIndex++)
        {
            string line = text.GetLineText(lineIndex);
            if (line.Trim().Length == 0) continue;
            int lineStart = text.GetLineStart(lineIndex);
            var lineSpan = new TextSpan(lineStart, line.Length);
            JsonElement record;
            try
            {
                using var document = JsonDocument.Parse(line);
                record = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                return DiagnosticBuilder.At(lineSpan).LogInvalidJson(e.Message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0].TrimEnd('.', ' ', '|'));
            }
            if (record.ValueKind != JsonValueKind.Object)
                return DiagnosticBuilder.At(lineSpan).LogInvalidJson($"it is a {record.ValueKind.ToString().ToLowerInvariant()}");
            var names = record.EnumerateObject().Select(p => p.Name).ToList();
            // a record that lacks the loss (W&B logs train and eval metrics on separate lines) is skipped
            if (!record.TryGetProperty(columns.Loss, out var lossValue)) continue;
            if (!record.TryGetProperty(columns.Step, out var stepValue))
                return DiagnosticBuilder.At(lineSpan).LogMissingColumn(columns.Step, "step", names, "--step-column");
            var stepSpan = KeySpan(line, lineStart, columns.Step);
            var lossSpan = KeySpan(line, lineStart, columns.Loss);
            if (ParseStep(stepValue.GetRawText().Trim('"'), stepSpan) is { } stepError) return stepError;
            if (ParseNumber(lossValue.GetRawText().Trim('"'), columns.Loss, lossSpan, out double loss) is { } lossError) return lossError;
            double? learningRate = null;
            TextSpan lrSpan = default;
            if (record.TryGetProperty(columns.LearningRate, out var lrValue))
            {
                lrSpan = KeySpan(line, lineStart, columns.LearningRate);
                if (ParseNumber(lrValue.GetRawText().Trim('"'), columns.LearningRate, lrSpan, out double value) is { } lrError) return lrError;
                learningRate = value;
            }
            rows.Add(new Row(long.Parse(stepValue.GetRawText().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture),
                loss, learningRate, stepSpan, lossSpan, lrSpan, lineIndex + 1));
        }
        if (rows.Count == 0 && text.Text.Trim().Length > 0 && !text.Text.Contains($"\"{columns.Loss}\"", StringComparison.Ordinal))
            return DiagnosticBuilder.At(default).LogMissingColumn(columns.Loss, "loss", FirstKeys(text), "RUN=LOG:COLUMN or --loss-column");
        return null;
    }

    static IEnumerable<string> FirstKeys(SourceText text)
    {
        try
        {
            using var document = JsonDocument.Parse(text.GetLineText(0));
            return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return []; }
    }

    /// <summary>The value after <c>"key":</c> on the line (for the diagnostic's column).</summary>
    static TextSpan KeySpan(string line, int lineStart, string key)
    {
        int at = line.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        if (at < 0) return new TextSpan(lineStart, 0);
        int colon = line.IndexOf(':', at + key.Length + 2);
        int value = colon < 0 ? at : colon + 1;
        while (value < line.Length && line[value] == ' ') value++;
        int end = value;
        while (end < line.Length && line[end] is not (',' or '}')) end++;
        return new TextSpan(lineStart + value, end - value);
    }

    static Diagnostic? ParseStep(string cell, TextSpan span) =>
        long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null
            : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || cell.Length == 0
                ? DiagnosticBuilder.At(span).LogStepNotWhole(cell)
                : DiagnosticBuilder.At(span).LogNotANumber("step", cell);

    static Diagnostic? ParseNumber(string cell, string column, TextSpan span, out double value) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || TryNonFinite(cell, out value)
            ? null
            : DiagnosticBuilder.At(span).LogNotANumber(column, cell);

    /// <summary>NaN and infinities as loggers write them; they are read so that the loss check
    /// can say what is wrong with them.</summary>
    static bool TryNonFinite(string cell, out double value)
    {
        value = cell.ToLowerInvariant() switch
        {
            "nan" => double.NaN,
            "inf" or "infinity" or "+inf" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => 0,
        };
        return value != 0;
    }

    /// <summary>Order, uniqueness, positive losses, and at least one row.</summary>
    static Diagnostic? Check(SourceText text, LogColumns columns, List<Row> rows)
    {
        if (rows.Count == 0) return DiagnosticBuilder.At(default).LogEmpty(text.Path);
        var lineOfStep = new Dictionary<long, int>();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!double.IsFinite(row.Loss) || row.Loss <= 0)
                return DiagnosticBuilder.At(row.LossSpan).LogInvalidLoss(columns.Loss, row.Loss, row.Step);
            if (lineOfStep.TryGetValue(row.Step, out int first))
                return DiagnosticBuilder.At(row.StepSpan).LogDuplicateStep(row.Step, first);
            lineOfStep[row.Step] = row.Line;
            if (i > 0 && row.Step < rows[i - 1].Step)
                return DiagnosticBuilder.At(row.StepSpan).LogUnsortedSteps(row.Step, rows[i - 1].Step);
        }
        return null;
    }
}
