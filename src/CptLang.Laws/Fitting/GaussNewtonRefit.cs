using MathNet.Numerics.LinearAlgebra;

namespace CptLang.Laws.Fitting;

/// <summary>
/// Re-minimises docs/laws.md §9's objective from a point already near its minimum: a bootstrap
/// replicate's logs differ from the fitted ones by the residuals' noise, so its optimum is a
/// small step from the fit. Levenberg–Marquardt on the Huber objective gets there in five to
/// seven evaluations of the law and its Jacobian, where L-BFGS-B from the same point needs fifty
/// or more (it builds its curvature from scratch); both reach the same parameters (to the sixth
/// digit of the bootstrap's scales on the 100M curves, docs/performance.md). The curvature is the
/// Gauss–Newton one of the rows inside the Huber threshold (beyond it the objective is linear in
/// the residual) plus the prior's. Steps are projected onto the bounds. Returns null when it does
/// not converge, so that the caller can fall back to <see cref="LawFitter.Refine"/>.
/// </summary>
static class GaussNewtonRefit
{
    const int MaxIterations = 40;

    public static double[]? Minimise(FitForm form, IReadOnlyList<FitRun> runs, ReadOnlySpan<double> start,
        IReadOnlyList<double> fixedValues, double priorStrength)
    {
        var free = Enumerable.Range(0, form.Count).Where(i => double.IsNaN(fixedValues[i])).ToArray();
        int m = free.Length;
        var point = new double[form.Count];
        for (int i = 0; i < form.Count; i++) point[i] = double.IsNaN(fixedValues[i]) ? form.Bounds[i].Clamp(start[i]) : fixedValues[i];
        if (m == 0) return point;

        var system = new NormalEquations(form, runs, free, priorStrength);
        if (system.At(point) is not { } current) return null;
        double damping = 1e-3;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var step = current.Step(damping);
            if (step is null) return null;
            var trial = (double[])point.Clone();
            for (int k = 0; k < m; k++)
            {
                var bound = form.Bounds[free[k]];
                double x = Math.Clamp(bound.ToSearch(point[free[k]]) + step[k], bound.ToSearch(bound.Lower), bound.ToSearch(bound.Upper));
                trial[free[k]] = bound.FromSearch(x);
            }
            if (system.At(trial) is { } next && next.Value <= current.Value)
            {
                // the model's predicted decrease −g·Δ: once below 1e-8 of the mean loss per row, the
                // step moves the parameters by about 1e-4 of their standard errors (whose squares
                // are the noise variance, ~2·value/rows, over the curvature): converged for a bootstrap
                double predicted = 0;
                for (int k = 0; k < m; k++) predicted -= step[k] * current.Gradient[k];
                point = trial;
                current = next;
                damping = Math.Max(damping / 10, 1e-12);
                if (predicted <= 1e-8 * current.Value / system.Rows) return point;
            }
            else
            {
                damping *= 10;
                if (damping > 1e8) return null;
            }
        }
        return null;
    }

    /// <summary>The objective's value, gradient and Gauss–Newton curvature at a point, in search
    /// coordinates of the free parameters.</summary>
    sealed record Evaluation(double Value, double[] Gradient, double[,] Curvature)
    {
        /// <summary>The Levenberg–Marquardt step <c>−(H + μ·diag H)⁻¹·g</c>, or null when it
        /// cannot be solved.</summary>
        public double[]? Step(double damping)
        {
            int m = Gradient.Length;
            var h = Matrix<double>.Build.DenseOfArray(Curvature);
            for (int k = 0; k < m; k++) h[k, k] += damping * Math.Max(Curvature[k, k], 1e-300);
            try
            {
                var step = h.Cholesky().Solve(Vector<double>.Build.DenseOfArray(Gradient)).Negate().ToArray();
                return step.All(double.IsFinite) ? step : null;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }

    /// <summary>Evaluates the objective of <paramref name="runs"/> for the free parameters.</summary>
    sealed class NormalEquations(FitForm form, IReadOnlyList<FitRun> runs, int[] free, double priorStrength)
    {
        readonly int m = free.Length;
        readonly FitPrior? prior = form.PriorFor(runs);

        public int Rows { get; } = runs.Sum(r => r.Count);

        /// <summary>The evaluation at <paramref name="point"/> (natural units); null when the law is
        /// not finite and positive there.</summary>
        public Evaluation? At(double[] point)
        {
            var g = new double[m];
            var h = new double[m, m];
            var row = new double[m];
            double value = 0;
            foreach (var run in runs)
            {
                int n = run.Count;
                var loss = new double[n];
                var jacobian = new double[form.Count * n];
                form.Evaluate(point, run, loss, jacobian);
                for (int i = 0; i < n; i++)
                {
                    if (!(loss[i] > 0) || !double.IsFinite(loss[i])) return null;
                    double r = Math.Log(run.Losses[i]) - Math.Log(loss[i]);
                    value += HuberObjective.Huber(r, out double slope);
                    double weight = Math.Abs(r) < HuberObjective.Delta ? 1 : 0;
                    for (int k = 0; k < m; k++) row[k] = form.LogGradient(jacobian, free[k], i, n, loss[i], point[free[k]]);
                    // objective derivative: −ρ'(r)·d ln L; curvature: ρ''(r)·(d ln L)², the Gauss–Newton
                    // term of a row inside δ (beyond it the Huber loss is linear and adds none)
                    for (int k = 0; k < m; k++)
                    {
                        g[k] -= slope * row[k];
                        for (int l = 0; l <= k; l++) h[k, l] += weight * row[k] * row[l];
                    }
                }
            }
            if (priorStrength > 0 && prior is not null)
                foreach (var term in prior.Terms)
                {
                    int k = Array.IndexOf(free, term.Index);
                    if (k < 0) continue;
                    double theta = point[term.Index], z = term.Z(theta);
                    double dz = term.Slope(theta) * form.Bounds[term.Index].ValuePerSearchUnit(theta);
                    value += 0.5 * priorStrength * z * z;
                    g[k] += priorStrength * z * dz;
                    h[k, k] += priorStrength * dz * dz;
                }
            for (int k = 0; k < m; k++) for (int l = 0; l < k; l++) h[l, k] = h[k, l];
            return double.IsFinite(value) ? new Evaluation(value, g, h) : null;
        }
    }
}
