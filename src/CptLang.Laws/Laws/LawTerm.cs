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

    /// <summary>Bounds on the term over steps <c>a..b</c> of one segment after the switch,
    /// given as the values at <c>b</c> of two functions of the step that meet the term at
    /// <c>a</c>: <c>High</c> of one that is convex and never below the term, <c>Low</c> of one
    /// that is concave and never above it. So a sum of terms lies below the larger of its values
    /// at <c>a</c> and the sum of the <c>High</c>s, and above the smaller likewise. Where the
    /// term's curvature is known the functions are the term itself or its tangent at <c>a</c>,
    /// whose error is second order in <c>b − a</c> (docs/laws.md §7); otherwise the term's
    /// values at the two ends (it is monotone).</summary>
    public virtual (double Low, double High) Bound(in TermSpan s) => (Math.Min(s.Ta, s.Tb), Math.Max(s.Ta, s.Tb));

    /// <summary>The bound of a term <c>f(x(t))</c> of a forward area <c>x</c> (increments: the
    /// LR): convex where <c>f'' ≥ 0</c> and <c>f'·x'' ≥ 0</c>, concave where both are ≤ 0; a
    /// tangent uses <c>f'(x_a)·η_{a+1}·(b − a)</c>, which is on the right side of
    /// <c>f'(x_a)·(x_b − x_a)</c> exactly in those cases.</summary>
    protected static (double Low, double High) ForwardBound(in TermSpan s, double slope, int slopeSign, int curvatureSign)
    {
        if (!double.IsFinite(slope)) return (Math.Min(s.Ta, s.Tb), Math.Max(s.Ta, s.Tb));
        int areaCurvature = s.Trend; // x'' has the sign of the LR's trend
        bool convex = curvatureSign >= 0 && slopeSign * areaCurvature >= 0;
        bool concave = curvatureSign <= 0 && slopeSign * areaCurvature <= 0;
        double tangent = s.Ta + slope * s.NextLearningRate * s.Width;
        return (concave ? s.Tb : convex ? tangent : Math.Min(s.Ta, s.Tb),
                convex ? s.Tb : concave ? tangent : Math.Max(s.Ta, s.Tb));
    }
}

/// <summary>What <see cref="LawTerm.Bound"/> needs to know about steps <c>a..b</c> of one
/// segment after the switch.</summary>
/// <param name="Ta">The term at <c>a</c>.</param>
/// <param name="Tb">The term at <c>b</c>.</param>
/// <param name="Trend">The sign of the segment's LR change (−1 decay, 0 constant, +1 warmup):
/// the sign of the forward areas' curvature, and minus the sign of the LR drops after <c>a</c>.</param>
/// <param name="NextLearningRate"><c>η_{a+1}</c>, the first forward-area increment.</param>
/// <param name="Lambda">The momentum factor λ.</param>
/// <param name="Geometric"><c>Σ_{i=1}^{b−a} λ^i</c>.</param>
/// <param name="PtMomentum">The pre-training momentum after <c>a</c> (it only decays after the switch).</param>
/// <param name="CptMomentum">The CPT momentum after <c>a</c>.</param>
/// <param name="DropLow">A lower bound on the size of the LR drops at steps <c>a+1..b</c>.</param>
/// <param name="DropHigh">An upper bound on it.</param>
internal readonly record struct TermSpan(
    AreaPoint A, AreaPoint B, double Ta, double Tb, long Width, int Trend, double NextLearningRate,
    double Lambda, double Geometric, double PtMomentum, double CptMomentum, double DropLow, double DropHigh);

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

    // f = A·S^(−α): f' = −α·f/S, f'' has the sign of α(α+1)A
    public override (double Low, double High) Bound(in TermSpan s)
    {
        double x = S1(s.A);
        if (!(x > 0) || !(S1(s.B) > 0) || !double.IsFinite(alpha * (alpha + 1) * coefficient)) return base.Bound(s);
        return ForwardBound(s, -alpha * s.Ta / x, Math.Sign(-alpha * coefficient), Math.Sign(alpha * (alpha + 1) * coefficient));
    }
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

    // S2 grows by the momentum: m_{a+n} = λ^n·m_a + Σ_{i<n} λ^i·d_{a+n−i}, the drops d all of
    // one sign s with |d| in [DropLow, DropHigh]. With D one of those ends,
    // k·(S2_{a+n} − S2_a) lies on one side of k·(m_a − s·D/(1−λ))·G(n) + k·s·D·n/(1−λ),
    // G(n) = Σ_{i=1..n} λ^i (concave, G(n) ≤ λ·n): tight to second order when the momentum is
    // at its steady state s·D/(1−λ), as in a long decay.
    public override (double Low, double High) Bound(in TermSpan s)
    {
        double m = continual ? s.CptMomentum : s.PtMomentum;
        int sign = continual ? -s.Trend : 0; // the pre-training momentum gets no drops after the switch
        if (!double.IsFinite(coefficient * m) || !(s.Lambda < 1)) return base.Bound(s);
        double ks = coefficient * sign, scale = 1 / (1 - s.Lambda);
        double dUp = ks <= 0 ? s.DropLow : s.DropHigh, dDown = ks <= 0 ? s.DropHigh : s.DropLow;
        double cUp = coefficient * (m - sign * dUp * scale), cDown = coefficient * (m - sign * dDown * scale);
        double high = s.Ta + (cUp <= 0 ? cUp * s.Geometric : cUp * s.Lambda * s.Width) + ks * dUp * scale * s.Width;
        double low = s.Ta + (cDown >= 0 ? cDown * s.Geometric : cDown * s.Lambda * s.Width) + ks * dDown * scale * s.Width;
        return (double.IsFinite(low) ? low : Math.Min(s.Ta, s.Tb), double.IsFinite(high) ? high : Math.Max(s.Ta, s.Tb));
    }
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

    // φ = B·(1 − (1 + E·x)^(−β)): φ' = B·E·β·(1 + E·x)^(−β−1), φ'' has the sign of −B·β(β+1)
    public override (double Low, double High) Bound(in TermSpan s)
    {
        if (!(1 + e * s.A.S1cpt > 0) || !(1 + e * s.B.S1cpt > 0) || !double.IsFinite(coefficient * e * beta * (beta + 1))) return base.Bound(s);
        double slope = coefficient * e * beta * Math.Exp((-beta - 1) * Numerics.StableMath.Log1p(e * s.A.S1cpt));
        return ForwardBound(s, slope, Math.Sign(coefficient * e * beta), Math.Sign(-coefficient * beta * (beta + 1)));
    }
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
