namespace CptLang.Laws.Laws;

/// <summary>One law's loss at one step: a finite value, or the problem that prevents it.</summary>
public readonly struct LossResult
{
    readonly double value;

    LossResult(double value, LawProblem? problem)
    {
        this.value = value;
        Problem = problem;
    }

    public static LossResult Of(double value) => new(value, null);

    public static LossResult Failed(LawProblem problem) => new(0, problem);

    public LawProblem? Problem { get; }

    public bool IsDefined => Problem is null;

    /// <summary>The loss, for a caller that knows it is defined; reading an undefined one is a
    /// bug and throws <see cref="InvalidOperationException"/>. Searches use <see cref="TryGetValue"/>.</summary>
    public double Value => Problem is null ? value : throw new InvalidOperationException(Problem.ToString());

    public bool TryGetValue(out double loss)
    {
        loss = value;
        return Problem is null;
    }

    public override string ToString() => Problem is null ? value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Problem.ToString();
}
