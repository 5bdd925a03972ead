using CptLang.Laws.Laws;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Laws.Fitting;

/// <summary>
/// The CPT law across model sizes (Eq. 7, docs/laws.md §3):
/// <c>L = L0 + A·S1^(−α) − C1·S2pt·N^γ1 − C2·S2cpt·N^γ2 + B·(1 − (1 + E·S1cpt)^(−β)) + F·N^(−γ3)</c>.
/// <c>N</c> is not fitted: each run brings its own (<see cref="FitRun.ModelSize"/>), and the
/// parameter <c>N</c> is only the size the fitted block predicts for (the first run's; see
/// <see cref="Implied"/>). At a fixed <c>N</c> Eq. 7 is Eq. 4 with <c>C1·N^γ1</c>,
/// <c>C2·N^γ2</c> and <c>L0 + F·N^(−γ3)</c>, so the Eq. 4 form computes the curve and its
/// derivatives and the chain rule gives the rest.
/// </summary>
public sealed class SizeFitForm : FitForm
{
    readonly ContinualFitForm cpt = new(LawForm.Cpt);
    readonly int iL0, iC1, iC2, iN, iF, iGamma1, iGamma2, iGamma3;

    public SizeFitForm() : base(LawForm.ModelSize)
    {
        iL0 = Names.IndexOf(L0); iC1 = Names.IndexOf(C1); iC2 = Names.IndexOf(C2); iN = Names.IndexOf(N);
        iF = Names.IndexOf(F); iGamma1 = Names.IndexOf(Gamma1); iGamma2 = Names.IndexOf(Gamma2); iGamma3 = Names.IndexOf(Gamma3);
        // the Eq. 4 parameters come first, in Eq. 4's order: its Jacobian columns are ours
        if (!Names.Take(cpt.Count).SequenceEqual(cpt.Names)) throw new InvalidOperationException("Eq. 7's parameters must start with Eq. 4's");
    }

    /// <summary>
    /// <c>N</c> is the first run's size. With a single distinct size, <c>F·N^(−γ3)</c> is part of
    /// <c>L0</c> and <c>N^γ1</c>, <c>N^γ2</c> of <c>C1</c>, <c>C2</c>: <c>F</c> and the
    /// exponents are then held at 0 (Eq. 7 reduces to Eq. 4) unless the caller fixes them.
    /// </summary>
    public override IReadOnlyDictionary<string, double> Implied(IReadOnlyList<FitRun> runs)
    {
        var sizes = Sizes(runs);
        var implied = new Dictionary<string, double> { [N] = sizes[0] };
        if (sizes.Distinct().Count() == 1)
            foreach (var name in new[] { F, Gamma1, Gamma2, Gamma3 }) implied[name] = 0;
        return implied;
    }

    /// <summary>True when the runs hold fewer than two model sizes: <c>F</c>, <c>γ1</c>,
    /// <c>γ2</c>, <c>γ3</c> are then not identifiable.</summary>
    public static bool SingleSize(IReadOnlyList<FitRun> runs) => Sizes(runs).Distinct().Count() < 2;

    static double[] Sizes(IReadOnlyList<FitRun> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("no runs", nameof(runs));
        return [.. runs.Select(r => r.ModelSize ?? throw new ArgumentException($"run '{r.Name}' has no model size; the model-size form (Eq. 7) needs one per run", nameof(runs)))];
    }

    public override void Evaluate(ReadOnlySpan<double> p, FitRun run, Span<double> loss, Span<double> jacobian)
    {
        double n = run.ModelSize ?? throw new ArgumentException($"run '{run.Name}' has no model size; the model-size form (Eq. 7) needs one", nameof(run));
        double logN = Math.Log(n);
        double scale1 = Math.Exp(p[iGamma1] * logN), scale2 = Math.Exp(p[iGamma2] * logN), offset = Math.Exp(-p[iGamma3] * logN);
        Span<double> inner = stackalloc double[cpt.Count];
        p[..cpt.Count].CopyTo(inner);
        inner[iC1] = p[iC1] * scale1;
        inner[iC2] = p[iC2] * scale2;
        inner[iL0] = p[iL0] + p[iF] * offset;
        int rows = run.Count;
        cpt.Evaluate(inner, run, loss, jacobian[..(cpt.Count * rows)]);

        // chain rule through the effective C1, C2 (dL/dC1eff = −S2pt, dL/dC2eff = −S2cpt)
        var dC1 = jacobian.Slice(iC1 * rows, rows);
        var dC2 = jacobian.Slice(iC2 * rows, rows);
        var dGamma1 = jacobian.Slice(iGamma1 * rows, rows);
        var dGamma2 = jacobian.Slice(iGamma2 * rows, rows);
        for (int i = 0; i < rows; i++)
        {
            dGamma1[i] = dC1[i] * inner[iC1] * logN;
            dGamma2[i] = dC2[i] * inner[iC2] * logN;
            dC1[i] *= scale1;
            dC2[i] *= scale2;
        }
        // the run's N is data, not the fitted N: the loss does not depend on the parameter
        jacobian.Slice(iN * rows, rows).Clear();
        jacobian.Slice(iF * rows, rows).Fill(offset);
        jacobian.Slice(iGamma3 * rows, rows).Fill(-p[iF] * offset * logN);
    }

    /// <summary>
    /// 2^8 = 256 starts: Eq. 4's 128 (see <see cref="ContinualFitForm"/>) times
    /// <c>F ∈ {0.5, 3}</c>, with <c>γ1 = γ2 = 0</c>, <c>γ3 = 0.2</c>, and <c>L0</c> lowered by
    /// <c>F·N̄^(−γ3)</c> (N̄ the geometric mean size) so that each start's level is Eq. 4's.
    /// </summary>
    public override IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs)
    {
        double meanLogN = Sizes(runs).Average(Math.Log);
        const double gamma3 = 0.2;
        var starts = new List<double[]>();
        foreach (var f in new[] { 0.5, 3.0 })
            foreach (var eq4 in cpt.Starts(runs))
            {
                var start = new double[Count];
                eq4.CopyTo(start, 0);
                start[iL0] = Bounds[iL0].Clamp(eq4[iL0] - f * Math.Exp(-gamma3 * meanLogN));
                start[iN] = Math.Exp(meanLogN);
                start[iF] = f;
                start[iGamma1] = 0; start[iGamma2] = 0; start[iGamma3] = gamma3;
                starts.Add(start);
            }
        return starts;
    }
}
