using CptLang.Laws.Laws;
using CptLang.Laws.Numerics;

namespace CptLang.Laws.Fitting;

/// <summary>Eq. 1: <c>L = L0 + A·S1^(−α) − C·S2</c>, parameters <c>L0 A alpha C</c>.</summary>
public sealed class AnnealingFitForm() : FitForm(LawForm.Annealing)
{
    public override void Evaluate(ReadOnlySpan<double> p, FitRun run, Span<double> loss, Span<double> jacobian)
    {
        double l0 = p[0], a = p[1], alpha = p[2], c = p[3];
        int n = run.Count;
        var dL0 = jacobian[..n];
        var power = jacobian.Slice(n, n); // dL/dA = S1^(−α)
        var dAlpha = jacobian.Slice(2 * n, n);
        var dC = jacobian.Slice(3 * n, n);
        ReadOnlySpan<double> logS1 = run.LogS1, s2 = run.S2;
        VectorMath.Map(logS1, power, new ScaledExp(-alpha));
        for (int i = 0; i < n; i++)
        {
            loss[i] = l0 + a * power[i] - c * s2[i];
            dL0[i] = 1;
            dAlpha[i] = -a * logS1[i] * power[i];
            dC[i] = -s2[i];
        }
    }

    /// <summary>LRA's grid: <c>L0 ∈ {0.1, 2.1}</c>, <c>A, C ∈ {1, 11.5, 22}</c>,
    /// <c>α ∈ {0, 0.4, 0.8}</c>: 54 starts.</summary>
    public override IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs) =>
        Grid([0.1, 2.1], [1, 11.5, 22], [0, 0.4, 0.8], [1, 11.5, 22]);
}
