using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using CptLang.Laws.Laws;
using CptLang.Laws.Numerics;

namespace CptLang.Laws.Fitting;

/// <summary>The Multi-Power Law (docs/laws.md §3): <c>L = L0 + A·S1^(−α) − B·LD(t)</c>, parameters
/// <c>L0 A alpha B C beta gamma</c>. <c>LD</c> and its derivatives in <c>C, β, γ</c> are sums over
/// each row's fixed nodes (<see cref="FitRun.MultiPowerColumns"/>), so they are analytic.</summary>
public sealed class MultiPowerFitForm() : FitForm(LawForm.MultiPower)
{
    public override void Evaluate(ReadOnlySpan<double> p, FitRun run, Span<double> loss, Span<double> jacobian)
    {
        double l0 = p[0], a = p[1], alpha = p[2], b = p[3], c = p[4], beta = p[5], gamma = p[6];
        int n = run.Count;
        var power = jacobian.Slice(n, n); // dL/dA = S1^(−α)
        ReadOnlySpan<double> logS1 = run.LogS1;
        VectorMath.Map(logS1, power, new ScaledExp(-alpha));
        var columns = run.MultiPowerColumns;
        Span<double> ld = jacobian.Slice(3 * n, n), dC = jacobian.Slice(4 * n, n), dBeta = jacobian.Slice(5 * n, n), dGamma = jacobian.Slice(6 * n, n);
        LossDrop(columns, c, beta, gamma, ld, dC, dBeta, dGamma);
        foreach (var (row, wd, logLr, d) in columns.ZeroLr) ld[row] += wd * MultiPowerNodes.G(logLr, d, c, beta, gamma);
        for (int i = 0; i < n; i++)
        {
            loss[i] = l0 + a * power[i] - b * ld[i];
            jacobian[i] = 1;
            jacobian[2 * n + i] = -a * logS1[i] * power[i];
            ld[i] = -ld[i];
            dC[i] *= -b;
            dBeta[i] *= -b;
            dGamma[i] *= -b;
        }
    }

    /// <summary>Per row, <c>LD/B = Σ w·Δ·G</c> and its derivatives in <c>C, β, γ</c>, four nodes at a
    /// time: with <c>cx = C·η^(−γ)·D = exp(ln C − γ·ln η + ln D)</c>, <c>u = ln(1 + cx)</c>,
    /// <c>q = e^(−β·u)</c>: <c>G = 1 − q</c>, <c>∂G/∂β = u·q</c>, <c>∂G/∂C = β·q/(1 + cx)·cx/C</c>,
    /// <c>∂G/∂γ = −β·q/(1 + cx)·cx·ln η</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void LossDrop(MultiPowerColumns columns, double c, double beta, double gamma, Span<double> ld, Span<double> dC, Span<double> dBeta, Span<double> dGamma)
    {
        ReadOnlySpan<double> wd = columns.WeightedDrop, logLr = columns.LogLr, logD = columns.LogDistance;
        var rowStart = columns.RowStart;
        var logC = Vector256.Create(Math.Log(c));
        var minusGamma = Vector256.Create(-gamma);
        var minusBeta = Vector256.Create(-beta);
        var betaV = Vector256.Create(beta);
        var one = Vector256<double>.One;
        for (int i = 0; i < ld.Length; i++)
        {
            var sum = Vector256<double>.Zero;
            var sumC = Vector256<double>.Zero;
            var sumBeta = Vector256<double>.Zero;
            var sumGamma = Vector256<double>.Zero;
            for (int j = rowStart[i]; j < rowStart[i + 1]; j += 4)
            {
                var w = Vector256.Create(wd[j..]);
                var lnEta = Vector256.Create(logLr[j..]);
                var cx = Vector256.Exp(logC + minusGamma * lnEta + Vector256.Create(logD[j..]));
                var onePlus = one + cx;
                // ln(1 + cx) with Goldberg's correction, exact for small cx
                var u = Vector256.ConditionalSelect(Vector256.Equals(onePlus, one), cx, Vector256.Log(onePlus) * cx / (onePlus - one));
                var q = Vector256.Exp(minusBeta * u);
                var r = w * betaV * q * cx / onePlus;
                sum += w * (one - q);
                sumBeta += w * u * q;
                sumC += r;
                sumGamma -= r * lnEta;
            }
            ld[i] = Vector256.Sum(sum);
            dC[i] = Vector256.Sum(sumC) / c;
            dBeta[i] = Vector256.Sum(sumBeta);
            dGamma[i] = Vector256.Sum(sumGamma);
        }
    }

    public override FitPrior? Prior { get; } = new(
        [new(3, "B", Math.Log(438), 1, true), new(4, "C", Math.Log(2.1), 1, true), new(5, "beta", 0.6, 0.25, false), new(6, "gamma", 0.65, 0.25, false)],
        [1e-6, 1e-5, 1e-4, 1e-3], 1e-4, "the Multi-Power Law paper's fits");

    /// <summary>The prior keeps the basins few: the best two coarse searches are polished.</summary>
    public override int Polished => 2;

    /// <summary>8 starts: the power term's shape spread (L0 below the lowest logged loss, two
    /// exponents), the loss-drop term at the prior's centre with C a decade either side of it.</summary>
    public override IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs)
    {
        double lowest = runs.SelectMany(r => r.Losses).DefaultIfEmpty(1).Min();
        return Grid([0.7 * lowest, 0.9 * lowest], [0.6], [0.3, 0.6], [438], [0.5, 5], [0.6], [0.65]);
    }
}
