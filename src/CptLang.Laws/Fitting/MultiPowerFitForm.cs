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

    /// <summary>The peak LR of the paper's runs, the scale its fitted <c>B</c> and <c>C</c> are in.</summary>
    const double PaperPeakLr = 3e-4;

    /// <summary>The paper's fits (docs/laws.md §3): <c>B</c> 438, <c>C</c> 2.1, <c>beta</c> 0.6 and
    /// <c>gamma</c> 0.65 at peak LR 3e-4, carried to the runs' LR scale.</summary>
    const double PaperB = 438, PaperC = 2.1, PaperBeta = 0.6, PaperGamma = 0.65;

    /// <summary>The LR scale of <paramref name="runs"/> against the paper's: their largest LR over
    /// 3e-4 (1 when unknown).</summary>
    static double Scale(IReadOnlyList<FitRun> runs)
    {
        double peak = runs.Select(r => r.LargestLearningRate).Where(x => x > 0 && double.IsFinite(x)).DefaultIfEmpty(PaperPeakLr).Max();
        return peak / PaperPeakLr;
    }

    /// <summary>The paper's <c>B</c> and <c>C</c> at LR scale <paramref name="scale"/>: with every LR
    /// multiplied by <c>s</c>, the loss drop <c>B·Σ Δη·G(C·η^(−γ)·S_k)</c> is unchanged when
    /// <c>B → B/s</c> and <c>C → C·s^(γ−1)</c>. A prior in absolute units would hold a model trained
    /// at 2e-3 to a full-decay drop (<c>B·η_peak</c>) nearly seven times the paper's.</summary>
    static (double B, double C) PaperAt(double scale) => (PaperB / scale, PaperC * Math.Pow(scale, PaperGamma - 1));

    public override FitPrior? PriorFor(IReadOnlyList<FitRun> runs)
    {
        double scale = Scale(runs);
        var (b, c) = PaperAt(scale);
        string source = scale == 1 ? "the Multi-Power Law paper's fits"
            : $"the Multi-Power Law paper's fits, carried from its peak LR 3e-4 to the runs' {PaperPeakLr * scale:G3}";
        return new(
            [new(3, "B", Math.Log(b), 1, true), new(4, "C", Math.Log(c), 1, true), new(5, "beta", PaperBeta, 0.25, false), new(6, "gamma", PaperGamma, 0.25, false)],
            [1e-6, 1e-5, 1e-4, 1e-3], 1e-4, source);
    }

    /// <summary>The prior keeps the basins few: the best two coarse searches are polished.</summary>
    public override int Polished => 2;

    /// <summary>8 starts: the power term's shape spread (L0 below the lowest logged loss, two
    /// exponents), the loss-drop term at the prior's centre with C 0.5 and 5 (at the paper's LR
    /// scale; a decade apart around its 2.1).</summary>
    public override IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs)
    {
        double lowest = runs.SelectMany(r => r.Losses).DefaultIfEmpty(1).Min();
        var (b, c) = PaperAt(Scale(runs));
        double cScale = c / PaperC;
        return Grid([0.7 * lowest, 0.9 * lowest], [0.6], [0.3, 0.6], [b], [0.5 * cScale, 5 * cScale], [PaperBeta], [PaperGamma]);
    }
}
