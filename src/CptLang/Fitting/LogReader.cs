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
/// first character is <c>{</c>). Extra columns are ignored, rows may be at any spacing; a row
/// with an empty loss cell (W&amp;B exports leave the cell empty at steps the metric was not
/// logged) is skipped. Every problem is a diagnostic at the offending cell (file, line, column);
/// the first error stops the reading. Rows are checked as they are read and at most
/// <see cref="MaxRows"/> are kept, so a huge log is refused (CPT4115) in bounded memory after
/// every row has been checked.
/// </summary>
public static class LogReader
{
    /// <summary>Rows of one log cptc fits at most: the fit's time and memory grow with the rows
    /// (docs/performance.md); a denser log adds little to a law of a handful of parameters.</summary>
    public const int MaxRows = 200_000;

    /// <summary>The log, or the diagnostics that say why it cannot be used.</summary>
    public static (TrainingLog? Log, Diagnostic? Error) Read(SourceText text, LogColumns columns)
    {
        int nul = text.Text.IndexOf('\0');
        if (nul >= 0) return (null, DiagnosticBuilder.At(new TextSpan(nul, 1)).LogNotText(text.Path));
        var rows = new Rows(columns);
        var error = IsJsonLines(text) ? ReadJsonLines(text, columns, rows) : ReadSeparated(text, columns, rows);
        if (error is null && rows.Count == 0) error = DiagnosticBuilder.At(default).LogEmpty(text.Path);
        if (error is null && rows.Count > MaxRows) error = DiagnosticBuilder.At(default).LogTooManyRows(text.Path, rows.Count, MaxRows);
        if (error is not null) return (null, error);
        return Build(text, rows.Kept);
    }

    static (TrainingLog?, Diagnostic?) Build(SourceText text, List<Row> rows)
    {
        // an LR cell left empty on some rows: the schedule cannot be checked on all, so on none
        bool hasLr = rows.Count > 0 && rows.All(r => r.LearningRate is not null);
        return (new TrainingLog(text,
            [.. rows.Select(r => r.Step)], [.. rows.Select(r => r.Loss)],
            hasLr ? [.. rows.Select(r => r.LearningRate!.Value)] : null,
            [.. rows.Select(r => r.StepSpan)], [.. rows.Select(r => r.LearningRateSpan)]), null);
    }

    sealed record Row(long Step, double Loss, double? LearningRate, TextSpan StepSpan, TextSpan LossSpan, TextSpan LearningRateSpan, int Line);

    /// <summary>The rows read so far: each is checked as it comes (positive loss, steps unique
    /// and ascending); the first <see cref="MaxRows"/> are kept, the rest only counted.</summary>
    sealed class Rows(LogColumns columns)
    {
        readonly Dictionary<long, int> lineOfStep = [];
        Row? previous;

        public List<Row> Kept { get; } = [];
        public long Count { get; private set; }

        public Diagnostic? Add(Row row)
        {
            if (!double.IsFinite(row.Loss) || row.Loss <= 0)
                return DiagnosticBuilder.At(row.LossSpan).LogInvalidLoss(columns.Loss, row.Loss, row.Step);
            if (lineOfStep.TryGetValue(row.Step, out int first) || previous is { } p && p.Step == row.Step)
                return DiagnosticBuilder.At(row.StepSpan).LogDuplicateStep(row.Step, previous is { } q && q.Step == row.Step ? q.Line : first);
            if (previous is { } last && row.Step < last.Step)
                return DiagnosticBuilder.At(row.StepSpan).LogUnsortedSteps(row.Step, last.Step);
            Count++;
            previous = row;
            if (Count > MaxRows) return null;
            lineOfStep[row.Step] = row.Line;
            Kept.Add(row);
            return null;
        }
    }

    static bool IsJsonLines(SourceText text) =>
        text.Path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || text.Path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
        || text.Text.TrimStart().StartsWith('{');

    static Diagnostic? ReadSeparated(SourceText text, LogColumns columns, Rows rows)
    {
        if (text.Text.Trim().Length == 0) return DiagnosticBuilder.At(default).LogEmpty(text.Path);
        var headerSpan = new TextSpan(0, text.GetLineText(0).Length);
        SepReader reader;
        try { reader = Sep.Reader(o => o with { DisableColCountCheck = true, Trim = SepTrim.All, Unescape = true }).FromText(text.Text); }
        catch (ArgumentException)
        {
            // Sep refuses a header that names a column twice; say which, at line 1
            return DuplicateColumn(text.GetLineText(0), headerSpan) ?? DiagnosticBuilder.At(headerSpan).LogDuplicateColumn("", 0, 0);
        }
        using var _ = reader;
        var header = reader.Header;
        var names = header.ColNames;
        if (DuplicateColumn(names, headerSpan) is { } duplicate) return duplicate;
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
            if (row.ColCount > names.Count)
            {
                // a cell too many shifts every value after it: "2160,3,7755" under step,loss is not a loss of 3
                var all = new string[row.ColCount];
                for (int c = 0; c < all.Length; c++) all[c] = row[c].ToString();
                var at = CellSpans(line, lineStart, all)[names.Count];
                return DiagnosticBuilder.At(at).LogExtraCells(row.ColCount, names.Count);
            }
            var cells = new string[row.ColCount];
            for (int c = 0; c < cells.Length; c++) cells[c] = row[c].ToString();
            var spans = CellSpans(line, lineStart, cells);
            string Cell(int c) => c < cells.Length ? cells[c] : "";
            TextSpan SpanOf(int c) => c < spans.Length ? spans[c] : new TextSpan(lineStart + line.Length, 0);

            if (ParseStep(Cell(stepColumn), SpanOf(stepColumn)) is { } stepError) return stepError;
            // W&B leaves a metric's cell empty at steps where it was not logged
            if (Cell(lossColumn).Length == 0) continue;
            if (ParseNumber(Cell(lossColumn), columns.Loss, SpanOf(lossColumn), out double loss) is { } lossError) return lossError;
            double? learningRate = null;
            if (lrColumn >= 0 && Cell(lrColumn).Length > 0)
            {
                if (ParseNumber(Cell(lrColumn), columns.LearningRate, SpanOf(lrColumn), out double value) is { } lrError) return lrError;
                learningRate = value;
            }
            var added = rows.Add(new Row(long.Parse(Cell(stepColumn), NumberStyles.None, CultureInfo.InvariantCulture), loss, learningRate,
                SpanOf(stepColumn), SpanOf(lossColumn), lrColumn >= 0 ? SpanOf(lrColumn) : default, lineIndex + 1));
            if (added is not null) return added;
        }
        return null;
    }

    /// <summary>A header cell named like an earlier one, or unnamed (<c>step,loss,,</c>).</summary>
    static Diagnostic? DuplicateColumn(IReadOnlyList<string> names, TextSpan header)
    {
        for (int i = 0; i < names.Count; i++)
            for (int j = 0; j < i; j++)
                if (names[i].Trim() == names[j].Trim()) return DiagnosticBuilder.At(header).LogDuplicateColumn(names[i].Trim(), j + 1, i + 1);
        return null;
    }

    static Diagnostic? DuplicateColumn(string headerLine, TextSpan header)
    {
        char separator = new[] { '\t', ';', '|', ',' }.MaxBy(c => headerLine.Count(x => x == c));
        return DuplicateColumn(headerLine.Split(separator).Select(n => n.Trim().Trim('"')).ToList(), header);
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

    static Diagnostic? ReadJsonLines(SourceText text, LogColumns columns, Rows rows)
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
            // JSON readers disagree on which of two equal keys wins: refuse instead of guessing
            if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                return DiagnosticBuilder.At(new TextSpan(lineStart + Math.Max(0, line.LastIndexOf($"\"{twice.Key}\"", StringComparison.Ordinal)), twice.Key.Length + 2)).LogDuplicateKey(twice.Key);
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
            var added = rows.Add(new Row(long.Parse(stepValue.GetRawText().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture),
                loss, learningRate, stepSpan, lossSpan, lrSpan, lineIndex + 1));
            if (added is not null) return added;
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
}
