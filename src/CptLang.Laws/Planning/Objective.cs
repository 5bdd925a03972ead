using System.Collections.Immutable;

namespace CptLang.Laws.Planning;

/// <summary>One law's weight in the objective.</summary>
public sealed record ObjectiveTerm(string Law, double Weight);

/// <summary>
/// What a sweep minimises: <c>J = Σ wᵢ·Lᵢ(end)</c>, the weighted final losses (docs/laws.md §5,
/// Eq. 5 read sign-correctly: <c>λ1·L_pt + λ2·L_cpt</c> with <c>λ1 + λ2 = 1</c>). The weights are
/// non-negative and sum to 1; a single law with weight 1 minimises that loss alone.
/// </summary>
public sealed record Objective(ImmutableArray<ObjectiveTerm> Terms)
{
    /// <summary>How far the weights may sum from 1 and still count as summing to 1.</summary>
    public const double WeightTolerance = 1e-9;

    public static Objective Balance(string general, double generalWeight, string domain, double domainWeight) =>
        new([new ObjectiveTerm(general, generalWeight), new ObjectiveTerm(domain, domainWeight)]);

    /// <summary>Why these weights are not a convex combination; null when they are.</summary>
    public static string? WeightProblem(IReadOnlyCollection<double> weights)
    {
        if (weights.Any(w => !double.IsFinite(w) || w < 0)) return "every weight must be a number between 0 and 1";
        double sum = weights.Sum();
        return Math.Abs(sum - 1) > WeightTolerance ? $"the weights sum to {sum:R}, not 1" : null;
    }

    public override string ToString() =>
        string.Join(" + ", Terms.Select(t => $"{t.Weight.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}·{t.Law}"));
}
