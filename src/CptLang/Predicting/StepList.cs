using CptLang.Syntax;

namespace CptLang.Predicting;

/// <summary>Parses one entry of a step list such as <c>--at 1000,40k,50000</c> (the language's
/// numbers: k/M/B suffixes, '_' separators).</summary>
public static class StepList
{
    /// <summary>One step, or null when the text is not a whole number of steps.</summary>
    public static long? ParseStep(string text) =>
        NumberLiteral.TryParse(text, out double value) && Math.Floor(value) == value && Math.Abs(value) < 9e15 ? (long)value : null;
}
