using System.Globalization;

namespace CptLang.Laws.Planning;

/// <summary>A condition every recommended run must meet (a sweep's <c>require</c> lines).</summary>
public abstract record Constraint
{
    /// <summary>The condition in the words a report uses.</summary>
    public abstract string Describe();

    protected static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>Law <see cref="Law"/> at most <see cref="Max"/>: at the run's end, or
/// (<see cref="Always"/>) at the switch and at every CPT step after it.</summary>
public sealed record LossConstraint(string Law, double Max, bool Always) : Constraint
{
    public override string Describe() => Always
        ? $"{Law} never above {Number(Max)} after the switch"
        : $"{Law} at the end ≤ {Number(Max)}";
}

/// <summary>The general-domain loss is back at its switch value within <see cref="MaxSteps"/> CPT
/// steps (a loss that never rises meets it; one that never comes back does not).</summary>
public sealed record TurningLengthConstraint(long MaxSteps) : Constraint
{
    public override string Describe() => $"turning length ≤ {MaxSteps.ToString(CultureInfo.InvariantCulture)} steps";
}

/// <summary>The CPT stage trains on at most <see cref="MaxTokens"/> tokens.</summary>
public sealed record CptTokensConstraint(double MaxTokens, double TokensPerStep) : Constraint
{
    public override string Describe() => $"CPT tokens ≤ {MaxTokens.ToString("0.###e0", CultureInfo.InvariantCulture)}";
}
