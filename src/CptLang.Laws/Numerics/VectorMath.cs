using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CptLang.Laws.Numerics;

/// <summary>A function applied to four doubles at a time.</summary>
internal interface IVectorFunction
{
    Vector256<double> Apply(Vector256<double> x);
}

/// <summary>
/// Element-wise vector math that gives every element the same result wherever it sits in the
/// span: a short tail is padded into a full vector instead of going through a scalar path, so a
/// value never depends on the span's length, offset or memory alignment. (Library routines that
/// peel heads and tails round those elements differently, which made curves differ in the last
/// bit between two requests for the same step, and could between two runs.)
/// </summary>
internal static class VectorMath
{
    /// <summary><c>y[i] = f(x[i])</c>; <paramref name="y"/> may be <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Map<TF>(ReadOnlySpan<double> x, Span<double> y, TF f) where TF : struct, IVectorFunction
    {
        int i = 0;
        for (; i + 4 <= x.Length; i += 4) f.Apply(Vector256.Create(x[i..])).CopyTo(y[i..]);
        if (i == x.Length) return;
        Span<double> tail = stackalloc double[4];
        tail.Fill(1); // a harmless argument for every function here
        x[i..].CopyTo(tail);
        var r = f.Apply(Vector256.Create(tail));
        for (int j = 0; i + j < x.Length; j++) y[i + j] = r[j];
    }

    /// <summary><c>into[i] += c·x[i]</c> (exact operations, so vector and scalar agree).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(ReadOnlySpan<double> x, double c, Span<double> into)
    {
        int i = 0;
        var cv = Vector256.Create(c);
        for (; i + 4 <= x.Length; i += 4) (Vector256.Create(into[i..]) + cv * Vector256.Create(x[i..])).CopyTo(into[i..]);
        for (; i < x.Length; i++) into[i] += c * x[i];
    }
}

/// <summary><c>cos x</c>.</summary>
internal readonly struct Cosine : IVectorFunction
{
    public Vector256<double> Apply(Vector256<double> x) => Vector256.Cos(x);
}

/// <summary><c>exp(k·x)</c>.</summary>
internal readonly struct ScaledExp(double k) : IVectorFunction
{
    readonly Vector256<double> k = Vector256.Create(k);
    public Vector256<double> Apply(Vector256<double> x) => Vector256.Exp(k * x);
}

/// <summary><c>log x</c>.</summary>
internal readonly struct Logarithm : IVectorFunction
{
    public Vector256<double> Apply(Vector256<double> x) => Vector256.Log(x);
}

/// <summary><c>log1p(e·x)</c> with Goldberg's correction (as <see cref="StableMath.Log1p"/>):
/// the naive <c>log(1 + e·x)</c> loses the digits of small <c>e·x</c> right after the switch.</summary>
internal readonly struct ScaledLog1p(double e) : IVectorFunction
{
    readonly Vector256<double> e = Vector256.Create(e);

    public Vector256<double> Apply(Vector256<double> x)
    {
        var one = Vector256<double>.One;
        var ex = e * x;
        var u = one + ex;
        var corrected = Vector256.Log(u) * ex / (u - one);
        return Vector256.ConditionalSelect(Vector256.Equals(u, one), ex, corrected);
    }
}

/// <summary><c>c·x^p</c> for the power-of-linear shapes (exact square roots for <c>p = ±½</c>).</summary>
internal readonly struct ScaledPower(double c, double p) : IVectorFunction
{
    readonly Vector256<double> c = Vector256.Create(c), p = Vector256.Create(p);
    readonly bool sqrt = p == 0.5, inverseSqrt = p == -0.5;

    public Vector256<double> Apply(Vector256<double> x)
    {
        if (sqrt) return c * Vector256.Sqrt(x);
        if (inverseSqrt) return c / Vector256.Sqrt(x);
        return c * Vector256.Exp(p * Vector256.Log(x));
    }
}
