namespace CptLang.Laws.Schedules;

/// <summary>
/// The learning rate of one segment as a closed-form function of its steps. A segment of
/// <c>n</c> steps sets its <c>k</c>-th step (<c>k = 1..n</c>) at progress <c>r = k/n</c>, so the
/// last step is exactly <see cref="To"/> and <see cref="From"/> is the value at <c>r = 0</c>
/// (the step before the segment, unless the LR jumps there).
/// </summary>
/// <param name="Shape">The curve between the two ends.</param>
/// <param name="From">LR at progress 0.</param>
/// <param name="To">LR at progress 1 (the segment's last step).</param>
/// <param name="Exponent">The power <c>p</c> of <see cref="Shape.Polynomial"/>; 0 otherwise.</param>
public sealed record Kernel(Shape Shape, double From, double To, double Exponent = 0)
{
    public static Kernel Constant(double lr) => new(Shape.Constant, lr, lr);

    /// <summary>The LR of step <paramref name="k"/> (1-based) of an <paramref name="n"/>-step segment.</summary>
    public double LearningRate(long k, long n)
    {
        if (k >= n) return To;
        double r = (double)k / n;
        return Shape switch
        {
            Shape.Constant => From,
            Shape.Exponential => Math.Pow(From, 1 - r) * Math.Pow(To, r),
            Shape.InverseSqrt => From / Math.Sqrt(1 + InverseSqrtRate * r),
            _ => To + (From - To) * Factor(r),
        };
    }

    /// <summary><c>c = (from/to)² − 1</c> of <see cref="Shape.InverseSqrt"/>.</summary>
    public double InverseSqrtRate => (From / To) * (From / To) - 1;

    /// <summary><c>f(r)</c> of the affine shapes (see <see cref="Shape"/>).</summary>
    public double Factor(double r) => Shape switch
    {
        Shape.Linear => 1 - r,
        Shape.Cosine => 0.5 * (1 + Math.Cos(Math.PI * r)),
        Shape.OneMinusSqrt => 1 - Math.Sqrt(r),
        Shape.SqrtOfOneMinus => Math.Sqrt(1 - r),
        Shape.Square => 1 - r * r,
        Shape.Polynomial => Math.Pow(1 - r, Exponent),
        _ => throw new InvalidOperationException($"{Shape} is not an affine shape"),
    };
}
