using MathNet.Numerics.LinearAlgebra;

namespace CptLang.Laws.Fitting;

/// <summary>
/// The out-of-domain weights of Eq. 6, <c>L_ood = Σ k_i·L_i</c> without intercept, fitted by
/// linear least squares on raw losses (CPT §4: the weights depend only on the datasets).
/// </summary>
public static class OodWeightFitter
{
    /// <param name="terms">Per term of the sum, its loss at every observed point.</param>
    /// <param name="observed">The out-of-domain set's observed loss at the same points.</param>
    /// <returns>The weights, one per term, and the sum of squared residuals.</returns>
    public static (double[] Weights, double SumOfSquares) Fit(IReadOnlyList<double[]> terms, IReadOnlyList<double> observed)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(observed);
        if (terms.Count == 0 || terms.Any(t => t.Length != observed.Count))
            throw new ArgumentException("one loss per observed point for every term", nameof(terms));
        if (observed.Count < terms.Count)
            throw new ArgumentException($"{observed.Count} points cannot determine {terms.Count} weights", nameof(observed));
        var x = Matrix<double>.Build.Dense(observed.Count, terms.Count, (i, k) => terms[k][i]);
        var y = Vector<double>.Build.DenseOfEnumerable(observed);
        // QR rather than the normal equations: the term losses are nearly collinear
        var weights = x.QR().Solve(y);
        var residual = x * weights - y;
        return (weights.ToArray(), residual.DotProduct(residual));
    }
}
