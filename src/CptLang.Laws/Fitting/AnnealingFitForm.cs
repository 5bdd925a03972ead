using CptLang.Laws.Laws;

namespace CptLang.Laws.Fitting;

/// <summary>Eq. 1: <c>L = L0 + A·S1^(−α) − C·S2</c>, parameters <c>L0 A alpha C</c>.</summary>
public sealed class AnnealingFitForm() : FitForm(LawForm.Annealing)
{
    public override double Value(ReadOnlySpan<double> p, FitRun run, int row, Span<double> gradient)
    {
        double l0 = p[0], a = p[1], alpha = p[2], c = p[3];
        double logS1 = run.LogS1[row];
        double s2 = run.S2pt[row] + run.S2cpt[row];
        double power = Math.Exp(-alpha * logS1);
        gradient[0] = 1;
        gradient[1] = power;
        gradient[2] = -a * logS1 * power;
        gradient[3] = -s2;
        return l0 + a * power - c * s2;
    }

    /// <summary>LRA's grid: <c>L0 ∈ {0.1, 2.1}</c>, <c>A, C ∈ {1, 11.5, 22}</c>,
    /// <c>α ∈ {0, 0.4, 0.8}</c>: 54 starts.</summary>
    public override IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs) =>
        Grid([0.1, 2.1], [1, 11.5, 22], [0, 0.4, 0.8], [1, 11.5, 22]);
}
