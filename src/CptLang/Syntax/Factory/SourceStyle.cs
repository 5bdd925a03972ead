namespace CptLang.Syntax.Factory;

/// <summary>
/// How a writer spells numbers and lays out a run. The three writers had grown their own
/// conventions, and their output must stay byte-identical; each is a preset here, so they differ
/// only where they say so.
/// </summary>
/// <param name="Numbers">How numbers are spelled (<see cref="NumberSpelling"/>).</param>
/// <param name="SingularStep">A one-step phase is <c>1 step</c> rather than <c>1 steps</c>.</param>
/// <param name="BlankLineBeforeStages">A blank line between a run's settings and its stages.</param>
public sealed record SourceStyle(NumberSpelling Numbers, bool SingularStep, bool BlankLineBeforeStages)
{
    /// <summary><c>cptc import</c>: the framework's exact doubles.</summary>
    public static SourceStyle Import { get; } = new(NumberSpelling.FifteenDigits, SingularStep: true, BlankLineBeforeStages: true);

    /// <summary><c>cptc optimize --emit</c>: ten digits, no blank line, and <c>1 steps</c> as it always wrote.</summary>
    public static SourceStyle Emit { get; } = new(NumberSpelling.TenDigits, SingularStep: false, BlankLineBeforeStages: false);

    /// <summary><c>cptc fit</c>: a law's parameters with the six digits fit reports.</summary>
    public static SourceStyle FittedLaw { get; } = new(NumberSpelling.SixDigits, SingularStep: false, BlankLineBeforeStages: false);
}
