using System.Collections.Immutable;
using CptLang.Laws.Laws;
using MathNet.Numerics.LinearAlgebra;

namespace CptLang.Laws.Fitting.Uncertainty;

/// <summary>
/// The joint uncertainty of a fitted law's parameters, as stored in its block's
/// <c>uncertainty { … }</c> part (docs/laws.md §9.1): a Gaussian in the fitter's search
/// coordinates (the logarithm of the parameters <see cref="FitBound.LogScaled"/> searches on a log
/// scale, the value itself for the others), given by a scale per parameter in the parameter's
/// own units (for a log-scaled one, <c>scale / value</c> is its scale in the log) and the
/// correlations between them; plus the observation noise of a logged point, in <c>ln</c> loss.
/// Parameters without a scale are held at their value (they were fixed in the fit).
/// </summary>
/// <param name="Scales">Parameter → its scale (already inflated by <paramref name="Inflation"/>).</param>
/// <param name="Correlation">Row-major correlations of the parameters of <paramref name="Scales"/>, in their order.</param>
/// <param name="Noise">The standard deviation of a logged point around the law, in <c>ln</c> loss.</param>
/// <param name="Runs">Fitted runs the estimate rests on.</param>
/// <param name="Replicates">Bootstrap replicates the scales were estimated from.</param>
/// <param name="Inflation">The factor leave-one-run-out errors multiplied the bootstrap scales by (1 when not applied).</param>
public sealed record ParameterUncertainty(
    ImmutableArray<KeyValuePair<string, double>> Scales, ImmutableArray<double> Correlation,
    double Noise, int Runs, int Replicates, double Inflation)
{
    public int Count => Scales.Length;

    /// <summary>The largest forward area <c>S1</c> (pre-training plus CPT) of a fitted row: how
    /// far along the LR area the evidence goes. Beyond it a prediction extrapolates, and the band
    /// holds the parameters' spread but not the law's drift (docs/laws.md §9.1). Null in blocks
    /// written before it was stored.</summary>
    public double? Reach { get; init; }

    public double CorrelationOf(int i, int j) => Correlation[i * Count + j];

    /// <summary>The lower Cholesky factor of the correlation, or null when it is not positive definite.</summary>
    public Matrix<double>? CholeskyFactor()
    {
        if (Count == 0) return Matrix<double>.Build.Dense(0, 0);
        var matrix = Matrix<double>.Build.Dense(Count, Count, (i, j) => CorrelationOf(i, j));
        try
        {
            var factor = matrix.Cholesky().Factor;
            // a factorisation that succeeds on a barely positive matrix still draws wild samples
            return factor.Diagonal().Minimum() > 1e-6 ? factor : null;
        }
        catch (ArgumentException) { return null; }
    }

    /// <summary>True when the correlation matrix is symmetric, has a unit diagonal and is
    /// positive definite.</summary>
    public bool IsValid =>
        Correlation.Length == Count * Count
        && Enumerable.Range(0, Count).All(i => CorrelationOf(i, i) == 1 && Enumerable.Range(0, Count).All(j => CorrelationOf(i, j) == CorrelationOf(j, i)))
        && CholeskyFactor() is not null;

    /// <summary>Joint draws of all parameters of <paramref name="point"/>'s form around it:
    /// <paramref name="count"/> vectors (natural units, the form's order, inside its bounds), in
    /// antithetic pairs, and with each one a standard normal draw for the observation noise.
    /// The same seed gives the same draws.</summary>
    public ParameterSamples Draw(LawParameters point, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(point);
        var factor = CholeskyFactor() ?? throw new InvalidOperationException("the correlation matrix is not positive definite");
        var form = FitForm.For(point.Form);
        var index = Scales.Select(s => form.Names.IndexOf(s.Key)).ToArray();
        if (index.Any(i => i < 0)) throw new ArgumentException($"{LawForms.ALaw(point.Form)} lacks a parameter of the uncertainty");
        var random = new Random(seed);
        var values = new double[count][];
        var noise = new double[count];
        var z = new double[Count];
        for (int s = 0; s < count; s++)
        {
            bool mirror = s % 2 == 1;
            if (!mirror) for (int k = 0; k < Count; k++) z[k] = Normal(random);
            double sign = mirror ? -1 : 1;
            var vector = point.Values.ToArray();
            for (int k = 0; k < Count; k++)
            {
                double shift = 0;
                for (int j = 0; j <= k; j++) shift += factor[k, j] * z[j];
                int p = index[k];
                var bound = form.Bounds[p];
                double centre = vector[p], scale = Scales[k].Value;
                // a step of the standardised draw in the fitter's coordinates (the logarithm for
                // log-scaled parameters), where the covariance was taken
                double moved = bound.FromSearch(bound.ToSearch(centre) + sign * shift * scale / bound.ValuePerSearchUnit(centre));
                vector[p] = bound.Clamp(moved);
            }
            values[s] = vector;
            noise[s] = mirror ? -noise[s - 1] : Normal(random);
        }
        return new ParameterSamples(point.Form, values, noise, Noise);
    }

    /// <summary>A standard normal draw (Box–Muller on two uniforms).</summary>
    static double Normal(Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}

/// <summary>Joint draws of a law's parameters (<see cref="ParameterUncertainty.Draw"/>) and one
/// noise draw per sample (standard normal; times <paramref name="Noise"/> in <c>ln</c> loss).</summary>
public sealed record ParameterSamples(LawForm Form, double[][] Values, double[] NoiseDraws, double Noise)
{
    public int Count => Values.Length;
}
