namespace CptLang.Laws.Fitting;

/// <summary>The interval a parameter is searched in (docs/laws.md §9). A log-scaled parameter is
/// searched as its logarithm, so that starts and steps span its orders of magnitude
/// (<c>E</c>, <c>beta</c>, <c>S1pt</c>); its lower bound is then positive. A parameter of either
/// sign that still spans orders of magnitude (the CPT law's <c>B</c>) has a
/// <paramref name="SignedLogScale"/> <c>s</c>: it is searched as <c>asinh(value / s)</c>, the
/// logarithm of its size above <c>s</c> and linear through 0 below it.</summary>
public readonly record struct FitBound(double Lower, double Upper, bool LogScaled = false, double SignedLogScale = 0)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    public double Clamp(double value) => Math.Clamp(value, Lower, Upper);

    /// <summary>The value in the optimiser's coordinates.</summary>
    public double ToSearch(double value) =>
        LogScaled ? Math.Log(value) : SignedLogScale > 0 ? Math.Asinh(value / SignedLogScale) : value;

    public double FromSearch(double x) =>
        LogScaled ? Math.Exp(x) : SignedLogScale > 0 ? SignedLogScale * Math.Sinh(x) : x;

    /// <summary>How far the value moves per unit of the search coordinate at
    /// <paramref name="value"/> (<c>dθ/d ln θ = θ</c> when log-scaled, <c>√(θ² + s²)</c> on the
    /// signed log scale, else 1): the chain rule
    /// between a derivative or a scale in natural units and one in search coordinates.</summary>
    public double ValuePerSearchUnit(double value) =>
        LogScaled ? value : SignedLogScale > 0 ? Math.Sqrt(value * value + SignedLogScale * SignedLogScale) : 1;

    /// <summary>The bound itself when <paramref name="value"/> is within rounding (1e-12 of the
    /// interval's width, in search coordinates) of it; else the value.</summary>
    public double Snap(double value)
    {
        double lo = ToSearch(Lower), hi = ToSearch(Upper), x = ToSearch(value), tolerance = 1e-12 * (hi - lo);
        return Math.Abs(x - lo) <= tolerance ? Lower : Math.Abs(hi - x) <= tolerance ? Upper : value;
    }

    /// <summary>True when <paramref name="value"/> sits on a bound (to 1e-6 of the interval's
    /// width, or of the log width for log-scaled parameters).</summary>
    public bool IsOnBound(double value)
    {
        double lo = ToSearch(Lower), hi = ToSearch(Upper), x = ToSearch(value), tolerance = 1e-6 * (hi - lo);
        return x - lo <= tolerance || hi - x <= tolerance;
    }
}
