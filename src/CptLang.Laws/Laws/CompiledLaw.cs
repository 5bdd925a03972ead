using System.Collections.Immutable;
using CptLang.Laws.Areas;

namespace CptLang.Laws.Laws;

/// <summary>A law reduced to <c>constant + Σ terms</c> for one plan (replay ratio, model size and
/// role already folded into the coefficients).</summary>
internal sealed class CompiledLaw(double constant, ImmutableArray<LawTerm> terms)
{
    public double Constant => constant;
    public ImmutableArray<LawTerm> Terms => terms;

    /// <summary>The loss at <paramref name="p"/>; may be non-finite.</summary>
    public double Value(in AreaPoint p)
    {
        double sum = constant;
        foreach (var term in terms) sum += term.Value(p);
        return sum;
    }

    /// <summary>The loss over a block of rows into <paramref name="into"/>; may be non-finite.</summary>
    public void Evaluate(LawBlock block, Span<double> into)
    {
        into.Fill(constant);
        foreach (var term in terms) term.AddTo(block, into);
    }

    /// <summary>The first term that is not finite at <paramref name="p"/>, explained.</summary>
    public string Explain(in AreaPoint p)
    {
        foreach (var term in terms)
            if (!double.IsFinite(term.Value(p))) return term.Explain(p);
        return double.IsFinite(constant) ? "the terms do not add up to a finite number" : "a constant of the law is not finite";
    }

    /// <summary><c>Σ k_i·law_i</c>.</summary>
    public static CompiledLaw WeightedSum(IEnumerable<(double Weight, CompiledLaw Law)> parts)
    {
        double constant = 0;
        var terms = ImmutableArray.CreateBuilder<LawTerm>();
        foreach (var (weight, law) in parts)
        {
            constant += weight * law.Constant;
            foreach (var term in law.Terms) terms.Add(term.Scaled(weight));
        }
        return new CompiledLaw(constant, terms.ToImmutable());
    }
}
