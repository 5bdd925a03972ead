using CptLang.Laws.Laws;
using CptLang.Laws.Numerics;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Laws.Fitting;

/// <summary>
/// The CPT law (Eq. 4) and its variants with replay (Eq. 8) and unknown pre-training (§6):
/// <c>L = L0 + A·S1^(−α) − C1·S2pt − C2·f·S2cpt + B·g·(1 − (1 + E·S1cpt)^(−β))</c>, where
/// <c>S1 = S1pt + S1cpt</c> (<c>S1pt</c> a parameter for the open-model form), and the replay
/// factors <c>f = e^(a1·r)</c>, <c>g</c> (LAW.md §3) are 1 without replay.
/// </summary>
public sealed class ContinualFitForm : FitForm
{
    readonly int iL0, iA, iAlpha, iC1, iC2, iB, iE, iBeta, iA1, iA2, iS1pt;

    public ContinualFitForm(LawForm form) : base(form)
    {
        if (form is not (LawForm.Cpt or LawForm.Replay or LawForm.OpenModel))
            throw new ArgumentOutOfRangeException(nameof(form), form, "not a form of the CPT law");
        iL0 = Names.IndexOf(L0); iA = Names.IndexOf(A); iAlpha = Names.IndexOf(Alpha);
        iC1 = Names.IndexOf(C1); iC2 = Names.IndexOf(C2); iB = Names.IndexOf(B);
        iE = Names.IndexOf(E); iBeta = Names.IndexOf(Beta); iA1 = Names.IndexOf(A1);
        iA2 = Names.IndexOf(A2); iS1pt = Names.IndexOf(S1pt);
    }

    public override double Value(ReadOnlySpan<double> p, FitRun run, int row, Span<double> gradient)
    {
        double a = p[iA], alpha = p[iAlpha], c2 = p[iC2], b = p[iB], e = p[iE], beta = p[iBeta];
        double s1cpt = run.S1cpt[row], s2pt = run.S2pt[row], s2cpt = run.S2cpt[row];
        double s1 = iS1pt >= 0 ? p[iS1pt] + s1cpt : 0;
        double logS1 = iS1pt >= 0 ? Math.Log(s1) : run.LogS1[row];
        double power = Math.Exp(-alpha * logS1);

        // replay factors of Eq. 8 and their derivatives; 1 and 0 for the other forms
        double f = 1, dfDa1 = 0, g = 1, dgDa2 = 0;
        if (Form == LawForm.Replay)
        {
            double rpt = run.ReplayRatio, rcpt = 1 - rpt;
            bool domain = run.Role == ValidationRole.Domain;
            double r = domain ? rcpt : rpt;
            f = Math.Exp(p[iA1] * r);
            dfDa1 = r * f;
            if (domain)
            {
                g = StableMath.Expm1(p[iA2] * rcpt);
                dgDa2 = rcpt * Math.Exp(p[iA2] * rcpt);
            }
            else
            {
                g = -StableMath.Expm1(-p[iA2] * rcpt);
                dgDa2 = rcpt * Math.Exp(-p[iA2] * rcpt);
            }
        }

        // shift = 1 − (1 + E·x)^(−β) = −expm1(−β·log1p(E·x)); exactly 0 before the switch
        double u = 0, w = 1, shift = 0;
        if (s1cpt != 0)
        {
            u = StableMath.Log1p(e * s1cpt);
            w = Math.Exp(-beta * u);
            // 1 − w loses digits only when β·u is small; expm1 costs an exp and a log more
            shift = beta * u > 0.01 ? 1 - w : -StableMath.Expm1(-beta * u);
        }

        double loss = p[iL0] + a * power - c2 * f * s2cpt + b * g * shift;
        gradient[iL0] = 1;
        gradient[iA] = power;
        gradient[iAlpha] = -a * logS1 * power;
        if (iC1 >= 0)
        {
            loss -= p[iC1] * s2pt;
            gradient[iC1] = -s2pt;
        }
        gradient[iC2] = -f * s2cpt;
        gradient[iB] = g * shift;
        gradient[iE] = b * g * beta * w * s1cpt / (1 + e * s1cpt);
        gradient[iBeta] = b * g * w * u;
        if (iA1 >= 0) gradient[iA1] = -c2 * s2cpt * dfDa1;
        if (iA2 >= 0) gradient[iA2] = b * shift * dgDa2;
        if (iS1pt >= 0) gradient[iS1pt] = -alpha * a * power / s1;
        return loss;
    }

    /// <summary>
    /// 2^7 = 128 starts (256 for the open-model form): <c>L0 ∈ {0.5, 0.9}·(lowest observed
    /// loss)</c>, <c>A ∈ {0.5, 5}</c>, <c>α ∈ {0.3, 0.6}</c>, <c>C1 = C2 ∈ {0.3, 3}</c>,
    /// <c>B ∈ {−1, 1}</c>, <c>E ∈ {10, 1000}</c>, <c>β ∈ {0.1, 0.5}</c>; replay adds
    /// <c>a1 = 0, a2 = 1</c>, the open-model form <c>S1pt ∈ {1, 10}</c>. E and β are spread in
    /// log space, as they are searched.
    /// </summary>
    public override IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs)
    {
        double lowest = runs.SelectMany(r => r.Losses).DefaultIfEmpty(1).Min();
        double[] l0 = [.. new[] { 0.5 * lowest, 0.9 * lowest }.Select(v => Bounds[iL0].Clamp(v))];
        var grid = Grid(l0, [0.5, 5], [0.3, 0.6], [0.3, 3], [-1, 1], [10, 1000], [0.1, 0.5],
            iS1pt >= 0 ? [1, 10] : [double.NaN]);
        return [.. grid.Select(g =>
        {
            var start = new double[Count];
            start[iL0] = g[0]; start[iA] = g[1]; start[iAlpha] = g[2];
            if (iC1 >= 0) start[iC1] = g[3];
            start[iC2] = g[3]; start[iB] = g[4]; start[iE] = g[5]; start[iBeta] = g[6];
            if (iA1 >= 0) start[iA1] = 0;
            if (iA2 >= 0) start[iA2] = 1;
            if (iS1pt >= 0) start[iS1pt] = g[7];
            return start;
        })];
    }
}
