using CptLang.Laws.Laws;
using CptLang.Laws.Numerics;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Laws.Fitting;

/// <summary>
/// The CPT law (Eq. 4) and its variants with replay (Eq. 8) and unknown pre-training (§6):
/// <c>L = L0 + A·S1^(−α) − C1·S2pt − C2·f·S2cpt + B·g·(1 − (1 + E·S1cpt)^(−β))</c>, where
/// <c>S1 = S1pt + S1cpt</c> (<c>S1pt</c> a parameter for the open-model form), and the replay
/// factors <c>f = e^(a1·r)</c>, <c>g</c> (docs/laws.md §3) are 1 without replay.
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

    public override void Evaluate(ReadOnlySpan<double> p, FitRun run, Span<double> loss, Span<double> jacobian)
    {
        double l0 = p[iL0], a = p[iA], alpha = p[iAlpha], c1 = iC1 >= 0 ? p[iC1] : 0, c2 = p[iC2], b = p[iB], e = p[iE], beta = p[iBeta];
        int n = run.Count, first = run.FirstContinualRow;
        ReadOnlySpan<double> s1cpt = run.S1cpt, s2pt = run.S2pt, s2cpt = run.S2cpt;

        // replay factors of Eq. 8 (constant over a run) and their derivatives; 1 and 0 otherwise
        double f = 1, dfDa1 = 0, g = 1, dgDa2 = 0;
        if (Form == LawForm.Replay)
        {
            double rpt = run.ReplayRatio, rcpt = 1 - rpt;
            bool domain = run.Role == ValidationRole.Domain;
            double r = domain ? rcpt : rpt;
            f = Math.Exp(p[iA1] * r);
            dfDa1 = r * f;
            g = domain ? StableMath.Expm1(p[iA2] * rcpt) : -StableMath.Expm1(-p[iA2] * rcpt);
            dgDa2 = rcpt * Math.Exp((domain ? 1 : -1) * p[iA2] * rcpt);
        }

        // A·S1^(−α): dL/dA = S1^(−α), with S1 = S1pt + S1cpt (S1pt a parameter in the open form)
        var power = jacobian.Slice(iA * n, n);
        var dAlpha = jacobian.Slice(iAlpha * n, n);
        if (iS1pt >= 0)
        {
            var dS1pt = jacobian.Slice(iS1pt * n, n);
            for (int i = 0; i < n; i++) dS1pt[i] = p[iS1pt] + s1cpt[i];
            VectorMath.Map(dS1pt, dAlpha, new Logarithm());
            VectorMath.Map(dAlpha, power, new ScaledExp(-alpha));
            for (int i = 0; i < n; i++)
            {
                dAlpha[i] = -a * dAlpha[i] * power[i];
                dS1pt[i] = -alpha * a * power[i] / dS1pt[i];
            }
        }
        else
        {
            ReadOnlySpan<double> logS1 = run.LogS1;
            VectorMath.Map(logS1, power, new ScaledExp(-alpha));
            for (int i = 0; i < n; i++) dAlpha[i] = -a * logS1[i] * power[i];
        }

        // the shift g·(1 − (1 + E·x)^(−β)) = −g·expm1(−β·log1p(E·x)), exactly 0 before the switch;
        // u = log1p(E·x) is computed into the beta column and w = e^(−β·u) into the E column
        var dB = jacobian.Slice(iB * n, n);
        var dE = jacobian.Slice(iE * n, n);
        var dBeta = jacobian.Slice(iBeta * n, n);
        var dA2 = iA2 >= 0 ? jacobian.Slice(iA2 * n, n) : default;
        dB[..first].Clear(); dE[..first].Clear(); dBeta[..first].Clear();
        if (iA2 >= 0) dA2[..first].Clear();
        if (first < n)
        {
            VectorMath.Map(s1cpt[first..], dBeta[first..], new ScaledLog1p(e));
            VectorMath.Map(dBeta[first..], dE[first..], new ScaledExp(-beta));
            for (int i = first; i < n; i++)
            {
                double x = s1cpt[i], u = dBeta[i], w = dE[i], z = beta * u;
                // 1 − w loses digits only when β·u is small; expm1 costs an exp and a log more
                double shift = z > 0.01 ? 1 - w : -StableMath.Expm1(-z);
                dB[i] = g * shift;
                dE[i] = b * g * beta * w * x / (1 + e * x);
                dBeta[i] = b * g * w * u;
                if (iA2 >= 0) dA2[i] = b * shift * dgDa2;
            }
        }

        var dL0 = jacobian.Slice(iL0 * n, n);
        var dC2 = jacobian.Slice(iC2 * n, n);
        var dC1 = iC1 >= 0 ? jacobian.Slice(iC1 * n, n) : default;
        var dA1 = iA1 >= 0 ? jacobian.Slice(iA1 * n, n) : default;
        for (int i = 0; i < n; i++)
        {
            loss[i] = l0 + a * power[i] - c1 * s2pt[i] - c2 * f * s2cpt[i] + b * dB[i];
            dL0[i] = 1;
            dC2[i] = -f * s2cpt[i];
            if (iC1 >= 0) dC1[i] = -s2pt[i];
            if (iA1 >= 0) dA1[i] = -c2 * s2cpt[i] * dfDa1;
        }
    }

    /// <summary>
    /// 2^7 = 128 starts (256 for the replay and open-model forms): <c>L0 ∈ {0.5, 0.9}·(lowest
    /// observed loss)</c>, <c>A ∈ {0.5, 5}</c>, <c>α ∈ {0.3, 0.6}</c>, <c>C1 = C2 ∈ {0.3, 3}</c>,
    /// <c>B ∈ {−1, 1}</c>, <c>E ∈ {10, 1000}</c>, <c>β ∈ {0.1, 0.5}</c>; replay adds
    /// <c>a1 = 0, a2 ∈ {−1, 1}</c>, the open-model form <c>S1pt ∈ {1, 10}</c>. E and β are
    /// spread in log space, as they are searched. Both signs of <c>a2</c>: at <c>a2 = 0</c> the
    /// replay factor of the shift is 0 for every run, a wall a local search does not cross, and
    /// each side is a law of its own (a negative <c>a2</c>, with <c>B</c> of the other sign, is
    /// replay that cuts the shift more than in proportion to its ratio).
    /// </summary>
    public override IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs)
    {
        double lowest = runs.SelectMany(r => r.Losses).DefaultIfEmpty(1).Min();
        double[] l0 = [.. new[] { 0.5 * lowest, 0.9 * lowest }.Select(v => Bounds[iL0].Clamp(v))];
        var grid = Grid(l0, [0.5, 5], [0.3, 0.6], [0.3, 3], [-1, 1], [10, 1000], [0.1, 0.5],
            iS1pt >= 0 ? [1, 10] : [double.NaN], iA2 >= 0 ? [-1, 1] : [double.NaN]);
        return [.. grid.Select(g =>
        {
            var start = new double[Count];
            start[iL0] = g[0]; start[iA] = g[1]; start[iAlpha] = g[2];
            if (iC1 >= 0) start[iC1] = g[3];
            start[iC2] = g[3]; start[iB] = g[4]; start[iE] = g[5]; start[iBeta] = g[6];
            if (iA1 >= 0) start[iA1] = 0;
            if (iA2 >= 0) start[iA2] = g[8];
            if (iS1pt >= 0) start[iS1pt] = g[7];
            return start;
        })];
    }
}
