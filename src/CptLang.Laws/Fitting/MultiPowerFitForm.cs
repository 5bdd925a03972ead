using CptLang.Laws.Laws;
using CptLang.Laws.Numerics;

namespace CptLang.Laws.Fitting;

/// <summary>The Multi-Power Law (docs/laws.md §3): <c>L = L0 + A·S1^(−α) − B·LD(t)</c>, parameters
/// <c>L0 A alpha B C beta gamma</c>. <c>LD</c> and its derivatives in <c>C, β, γ</c> are sums over
/// each row's fixed nodes (<see cref="FitRun.MultiPowerNodes"/>), so they are analytic.</summary>
public sealed class MultiPowerFitForm() : FitForm(LawForm.MultiPower)
{
    public override void Evaluate(ReadOnlySpan<double> p, FitRun run, Span<double> loss, Span<double> jacobian)
    {
        double l0 = p[0], a = p[1], alpha = p[2], b = p[3], c = p[4], beta = p[5], gamma = p[6];
        int n = run.Count;
        var power = jacobian.Slice(n, n); // dL/dA = S1^(−α)
        ReadOnlySpan<double> logS1 = run.LogS1;
        VectorMath.Map(logS1, power, new ScaledExp(-alpha));
        var all = run.MultiPowerNodes;
        for (int i = 0; i < n; i++)
        {
            var nodes = all[i];
            ReadOnlySpan<double> wd = nodes.WeightedDrop, logLr = nodes.LogLr, dist = nodes.Distance;
            double ld = 0, dC = 0, dBeta = 0, dGamma = 0;
            for (int j = 0; j < wd.Length; j++)
            {
                double d = dist[j];
                if (d <= 0) continue;
                if (double.IsNegativeInfinity(logLr[j]))
                {
                    ld += wd[j] * MultiPowerNodes.G(logLr[j], d, c, beta, gamma);
                    continue;
                }
                double x = Math.Exp(-gamma * logLr[j]) * d;
                double cx = c * x, u = StableMath.Log1p(cx), q = Math.Exp(-beta * u);
                double g = -StableMath.Expm1(-beta * u);
                double common = wd[j] * beta * q / (1 + cx);
                ld += wd[j] * g;
                dBeta += wd[j] * u * q;
                dC += common * x;
                dGamma -= common * cx * logLr[j];
            }
            loss[i] = l0 + a * power[i] - b * ld;
            jacobian[i] = 1;
            jacobian[2 * n + i] = -a * logS1[i] * power[i];
            jacobian[3 * n + i] = -ld;
            jacobian[4 * n + i] = -b * dC;
            jacobian[5 * n + i] = -b * dBeta;
            jacobian[6 * n + i] = -b * dGamma;
        }
    }

    /// <summary>16 starts around the published fits' scale (L0 below the lowest logged loss, the
    /// authors' B ≈ 400, C ≈ 2, beta ≈ 0.6, gamma ≈ 0.6), spread over the decades that matter.</summary>
    public override IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs)
    {
        double lowest = runs.SelectMany(r => r.Losses).DefaultIfEmpty(1).Min();
        return Grid([0.7 * lowest, 0.9 * lowest], [0.6], [0.3, 0.6], [300], [0.5, 3], [0.6], [0.3, 0.7]);
    }
}
