using CptLang.Diagnostics;
using CptLang.Syntax;

namespace Cptc.Predict;

/// <summary>Parses step lists such as <c>--at 1000,40k,50000</c> (k/M/B suffixes as in .cpt files).</summary>
public static class StepList
{
    public static long[] Parse(string text)
    {
        var steps = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            steps.Add(ParseStep(part) ?? throw CliException.From(DiagnosticBuilder.At(default).InvalidStep(part)));
        if (steps.Count == 0) throw CliException.From(DiagnosticBuilder.At(default).InvalidStep(text));
        return [.. steps];
    }

    public static long? ParseStep(string text) =>
        NumberLiteral.TryParse(text, out double value) && Math.Floor(value) == value && Math.Abs(value) < 9e15 ? (long)value : null;
}
