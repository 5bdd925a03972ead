using System.Runtime.Intrinsics;
using CptLang.Laws.Numerics;

namespace CptLang.Laws.Fitting;

/// <summary>
/// docs/laws.md §9's objective: <c>Σ_runs Σ_points Huber_δ(ln L_obs − ln L_pred)</c>, δ = 1e-3, with
/// its gradient. Works on the free parameters only, in search coordinates (log for log-scaled
/// ones); fixed parameters keep their values. With a <see cref="PriorStrength"/> above 0 the form's
/// <see cref="FitForm.PriorFor"/> is added (docs/laws.md §9, regularisation). Not thread-safe (scratch
/// buffers): one per thread.
/// </summary>
public sealed class HuberObjective
{
    public const double Delta = 1e-3;

    /// <summary><c>Huber_δ(r)</c>: <c>r²/2</c> inside δ, linear beyond; and its slope.</summary>
    internal static double Huber(double r, out double slope)
    {
        if (Math.Abs(r) < Delta) { slope = r; return 0.5 * r * r; }
        slope = Delta * Math.Sign(r);
        return Delta * Math.Abs(r) - 0.5 * Delta * Delta;
    }

    /// <summary>Below this predicted loss, <c>ln</c> continues as its tangent, so that the
    /// objective stays finite and smooth where a trial point predicts a loss ≤ 0.</summary>
    const double Floor = 1e-6;

    readonly FitForm form;
    readonly FitPrior? prior;
    readonly IReadOnlyList<FitRun> runs;
    readonly double[] parameters, logObserved, loss, weight, jacobian, priorGradient;
    readonly int[] free;

    /// <param name="fixedValues">Per parameter of <paramref name="form"/>: its fixed value, or
    /// NaN when it is fitted.</param>
    public HuberObjective(FitForm form, IReadOnlyList<FitRun> runs, IReadOnlyList<double> fixedValues)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(runs);
        if (fixedValues.Count != form.Count) throw new ArgumentException($"{fixedValues.Count} values for {form.Count} parameters", nameof(fixedValues));
        this.form = form;
        this.runs = runs;
        prior = form.PriorFor(runs);
        parameters = [.. fixedValues];
        free = [.. Enumerable.Range(0, form.Count).Where(i => double.IsNaN(fixedValues[i]))];
        int rows = runs.Select(r => r.Count).DefaultIfEmpty(0).Max();
        loss = new double[rows];
        weight = new double[rows];
        jacobian = new double[form.Count * rows];
        priorGradient = new double[form.Count];
        logObserved = [.. runs.SelectMany(r => r.Losses).Select(l => Math.Log(l))];
        Points = logObserved.Length;
    }

    public FitForm Form => form;

    /// <summary>The indices of the fitted parameters.</summary>
    public IReadOnlyList<int> Free => free;

    public int Points { get; }

    /// <summary>The strength <c>κ</c> of the form's prior (0: none, the plain objective).</summary>
    public double PriorStrength { get; set; }

    /// <summary>All parameters (natural units) for the free ones at <paramref name="search"/>.</summary>
    public double[] Parameters(ReadOnlySpan<double> search)
    {
        var all = (double[])parameters.Clone();
        for (int k = 0; k < free.Length; k++) all[free[k]] = form.Bounds[free[k]].FromSearch(search[k]);
        return all;
    }

    /// <summary>The free parameters of <paramref name="all"/> in search coordinates.</summary>
    public double[] Search(ReadOnlySpan<double> all)
    {
        var x = new double[free.Length];
        for (int k = 0; k < free.Length; k++) x[k] = form.Bounds[free[k]].ToSearch(all[free[k]]);
        return x;
    }

    /// <summary>The objective at the free parameters <paramref name="search"/>, and its gradient
    /// with respect to them into <paramref name="searchGradient"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> search, Span<double> searchGradient)
    {
        for (int k = 0; k < free.Length; k++) parameters[free[k]] = form.Bounds[free[k]].FromSearch(search[k]);
        searchGradient.Clear();
        double sum = 0;
        int offset = 0;
        foreach (var run in runs)
        {
            int n = run.Count;
            var loss = this.loss.AsSpan(0, n);
            var weight = this.weight.AsSpan(0, n);
            form.Evaluate(parameters, run, loss, jacobian);
            VectorMath.Map(loss, weight, new Logarithm());
            for (int i = 0; i < n; i++)
            {
                double predicted = loss[i], logPredicted = weight[i], dLog = 1 / predicted;
                if (!(predicted > Floor)) { logPredicted = Math.Log(Floor) + (predicted - Floor) / Floor; dLog = 1 / Floor; }
                double r = logObserved[offset + i] - logPredicted;
                sum += Huber(r, out double dHuber);
                // dObjective/dL = dHuber/dr · dr/dL, with dr/dL = −dLog
                weight[i] = -dHuber * dLog;
            }
            for (int k = 0; k < free.Length; k++) searchGradient[k] += Dot(weight, jacobian.AsSpan(free[k] * n, n));
            offset += n;
        }
        if (PriorStrength > 0 && prior is not null)
        {
            Array.Clear(priorGradient);
            sum += prior.Penalty(PriorStrength, parameters, priorGradient);
            for (int k = 0; k < free.Length; k++) searchGradient[k] += priorGradient[free[k]];
        }
        // chain rule into search coordinates: d/d(ln θ) = θ·d/dθ
        for (int k = 0; k < free.Length; k++) searchGradient[k] *= form.Bounds[free[k]].ValuePerSearchUnit(parameters[free[k]]);
        return sum;
    }

    static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var acc = Vector256<double>.Zero;
        int i = 0;
        for (; i + 4 <= x.Length; i += 4) acc += Vector256.Create(x[i..]) * Vector256.Create(y[i..]);
        double sum = Vector256.Sum(acc);
        for (; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>The objective at all parameters <paramref name="all"/> (natural units).</summary>
    public double ValueAt(ReadOnlySpan<double> all) => Evaluate(Search(all), new double[free.Length]);
}
