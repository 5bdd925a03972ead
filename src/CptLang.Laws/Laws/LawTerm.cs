using CptLang.Laws.Areas;

namespace CptLang.Laws.Laws;

/// <summary>
/// One additive term of a loss law. Every term depends on exactly one area that can move
/// during a run (the other inputs are constants), and is monotone in it; so wherever that area
/// is monotone, so is the term. The derived-quantity searches bound a law over an interval
/// from its terms' values at the two ends.
/// </summary>
internal abstract class LawTerm
{
    /// <summary>The term at one point (may be non-finite; callers report that).</summary>
    public abstract double Value(in AreaPoint p);

    /// <summary>Adds the term over a block of rows to <paramref name="into"/>.</summary>
    public abstract void AddTo(LawBlock block, Span<double> into);

    /// <summary>The term multiplied by <paramref name="factor"/> (for weighted sums).</summary>
    public abstract LawTerm Scaled(double factor);

    /// <summary>Why the term is not finite at <paramref name="p"/>, in the user's terms.</summary>
    public abstract string Explain(in AreaPoint p);
}

/// <summary><c>A·S1^(−α)</c>, with <c>S1 = S1pt + S1cpt</c>, or <c>S1pt</c> taken from the law
/// (the open-model form, where pre-training is unknown).</summary>
internal sealed class ForwardAreaTerm(double coefficient, double alpha, double? lawS1pt) : LawTerm
{
    public double Coefficient => coefficient;
    public double Alpha => alpha;
    public double? LawS1pt => lawS1pt;

    double S1(in AreaPoint p) => (lawS1pt ?? p.S1pt) + p.S1cpt;

    public override double Value(in AreaPoint p) => coefficient * Math.Exp(-alpha * Math.Log(S1(p)));

    public override void AddTo(LawBlock block, Span<double> into) =>
        block.AddPower(coefficient, alpha, lawS1pt, into);

    public override LawTerm Scaled(double factor) => new ForwardAreaTerm(coefficient * factor, alpha, lawS1pt);

    public override string Explain(in AreaPoint p) => S1(p) <= 0
        ? $"the forward area S1 is {S1(p)} and alpha = {alpha} makes S1^(-alpha) infinite (is the learning rate zero at the first steps?)"
        : $"A·S1^(-alpha) = {Value(p)} at S1 = {S1(p)}";
}

/// <summary><c>coefficient·S2pt</c> or <c>coefficient·S2cpt</c> (the coefficient carries the minus
/// sign of <c>−C·S2</c> and any replay or model-size factor).</summary>
internal sealed class AnnealingAreaTerm(double coefficient, bool continual) : LawTerm
{
    public override double Value(in AreaPoint p) => coefficient * (continual ? p.S2cpt : p.S2pt);

    public override void AddTo(LawBlock block, Span<double> into) =>
        block.AddLinear(coefficient, continual ? block.S2cpt : block.S2pt, into);

    public override LawTerm Scaled(double factor) => new AnnealingAreaTerm(coefficient * factor, continual);

    public override string Explain(in AreaPoint p) => $"the annealing-area term is {Value(p)}";
}

/// <summary>The distribution shift <c>B·(1 − (1 + E·S1cpt)^(−β))</c>, evaluated as
/// <c>−B·expm1(−β·log1p(E·S1cpt))</c>; <c>B</c> may carry a replay factor.</summary>
internal sealed class DistributionShiftTerm(double coefficient, double e, double beta) : LawTerm
{
    public override double Value(in AreaPoint p) =>
        -coefficient * Numerics.StableMath.Expm1(-beta * Numerics.StableMath.Log1p(e * p.S1cpt));

    public override void AddTo(LawBlock block, Span<double> into) => block.AddShift(coefficient, e, beta, into);

    public override LawTerm Scaled(double factor) => new DistributionShiftTerm(coefficient * factor, e, beta);

    public override string Explain(in AreaPoint p) => 1 + e * p.S1cpt <= 0
        ? $"1 + E·S1cpt = {1 + e * p.S1cpt} is not positive (E = {e})"
        : $"the distribution-shift term is {Value(p)} at S1cpt = {p.S1cpt}";
}

/// <summary>The Multi-Power Law's loss drop <c>−B·LD(t)</c> (docs/laws.md §3, Multi-Power Law); it depends on the
/// whole schedule up to the step, not on the areas, and is computed from the step.</summary>
internal sealed class MultiPowerDropTerm(double coefficient, double c, double beta, double gamma, MultiPowerDrops drops) : LawTerm
{
    public override double Value(in AreaPoint p) => -coefficient * drops.Sum(p.Step, c, beta, gamma);

    public override void AddTo(LawBlock block, Span<double> into)
    {
        for (int i = 0; i < block.Count; i++) into[i] -= coefficient * drops.Sum(block.StepAt(i), c, beta, gamma);
    }

    public override LawTerm Scaled(double factor) => new MultiPowerDropTerm(coefficient * factor, c, beta, gamma, drops);

    public override string Explain(in AreaPoint p) => $"the Multi-Power loss drop is {Value(p)} at step {p.Step}";
}
