namespace CptLang.Laws.Schedules;

/// <summary>
/// How the learning rate moves across one segment. Every shape except <see cref="Constant"/>,
/// <see cref="Exponential"/> and <see cref="InverseSqrt"/> is written as
/// <c>η(r) = to + (from − to)·f(r)</c> with <c>f(0) = 1</c> and <c>f(1) = 0</c>, where
/// <c>r = k/n</c> is the progress of step <c>k</c> of an <c>n</c>-step segment.
/// </summary>
public enum Shape
{
    /// <summary><c>η = from</c> (<c>from == to</c>).</summary>
    Constant,
    /// <summary><c>f = 1 − r</c>. Warmups and decays.</summary>
    Linear,
    /// <summary><c>f = (1 + cos πr)/2</c>. Warmups and decays (the same curve read either way).</summary>
    Cosine,
    /// <summary><c>f = 1 − √r</c>: the "1-sqrt" decay of WSD schedules.</summary>
    OneMinusSqrt,
    /// <summary><c>f = √(1 − r)</c>: the "1-sqrt" warmup (HF's <c>1 − √(1 − progress)</c> rising factor).</summary>
    SqrtOfOneMinus,
    /// <summary><c>f = 1 − r²</c>.</summary>
    Square,
    /// <summary><c>f = (1 − r)^p</c>, <c>p = Exponent &gt; 0</c>.</summary>
    Polynomial,
    /// <summary>Geometric: <c>η = from^(1−r) · to^r</c>; both ends strictly positive.</summary>
    Exponential,
    /// <summary><c>η = from / √(1 + c·r)</c> with <c>c = (from/to)² − 1</c>; both ends strictly positive.</summary>
    InverseSqrt,
}
