namespace CptLang.Laws.Fitting;

/// <summary>
/// A weak Gaussian prior on some parameters of a form (docs/laws.md §9, regularisation): the fit
/// minimises <c>objective + κ·Σ z²/2</c>, <c>z = (t(θ) − centre)/scale</c>, with <c>t = ln</c> for
/// log terms. <c>κ</c> is chosen per fit by leave-one-run-out prediction among
/// <see cref="Strengths"/> (0 is not offered: docs/laws.md §9).
/// </summary>
/// <param name="Terms">The parameters held near a centre.</param>
/// <param name="Strengths">The strengths <c>κ</c> tried, ascending; <paramref name="Default"/> is one of them.</param>
/// <param name="Default">The strength used when there are too few runs to leave one out.</param>
/// <param name="Source">Where the centres come from, for reports.</param>
public sealed record FitPrior(IReadOnlyList<PriorTerm> Terms, IReadOnlyList<double> Strengths, double Default, string Source)
{
    /// <summary><c>κ·Σ z²/2</c> at the natural parameters <paramref name="all"/>, with its
    /// derivative in each natural parameter added into <paramref name="gradient"/>.</summary>
    public double Penalty(double strength, ReadOnlySpan<double> all, Span<double> gradient)
    {
        if (strength == 0) return 0;
        double sum = 0;
        foreach (var term in Terms)
        {
            double value = all[term.Index], z = term.Z(value);
            sum += z * z;
            gradient[term.Index] += strength * z * term.Slope(value);
        }
        return 0.5 * strength * sum;
    }
}

/// <summary>One parameter of a <see cref="FitPrior"/>: index in the form's order, the centre and
/// scale in <c>ln θ</c> (<paramref name="Log"/>) or <c>θ</c>.</summary>
public sealed record PriorTerm(int Index, string Name, double Centre, double Scale, bool Log)
{
    /// <summary><c>z = (t(θ) − centre)/scale</c>.</summary>
    public double Z(double value) => ((Log ? Math.Log(value) : value) - Centre) / Scale;

    /// <summary><c>dz/dθ</c>.</summary>
    public double Slope(double value) => (Log ? 1 / value : 1) / Scale;
}
