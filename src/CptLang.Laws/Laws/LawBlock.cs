using System.Numerics.Tensors;
using System.Numerics;
using System.Runtime.CompilerServices;
using CptLang.Laws.Areas;

namespace CptLang.Laws.Laws;

/// <summary>
/// A block of rows of an <see cref="AreaTable"/> with scratch space, over which the law terms
/// are evaluated with vectorised <c>log</c>/<c>exp</c>. <c>log S1</c> is computed once per block
/// and shared by every law that uses the plan's <c>S1</c>.
/// </summary>
internal sealed class LawBlock
{
    readonly double[] scratch, logS1, logU;
    AreaTable? table;
    int offset, count;
    bool haveLogS1;

    public LawBlock(int capacity)
    {
        scratch = new double[capacity];
        logS1 = new double[capacity];
        logU = new double[capacity];
    }

    public int Capacity => scratch.Length;

    public void Reset(AreaTable source, int start, int length)
    {
        table = source;
        offset = start;
        count = length;
        haveLogS1 = false;
    }

    public int Count => count;
    public ReadOnlySpan<double> S1pt => table!.S1ptColumn.AsSpan(offset, count);
    public ReadOnlySpan<double> S1cpt => table!.S1cptColumn.AsSpan(offset, count);
    public ReadOnlySpan<double> S2pt => table!.S2ptColumn.AsSpan(offset, count);
    public ReadOnlySpan<double> S2cpt => table!.S2cptColumn.AsSpan(offset, count);

    /// <summary>into += c·column.</summary>
    public void AddLinear(double c, ReadOnlySpan<double> column, Span<double> into) =>
        TensorPrimitives.MultiplyAdd(column, c, into, into);

    /// <summary>into += c·S1^(−α), <c>S1 = (lawS1pt ?? S1pt) + S1cpt</c>.</summary>
    public void AddPower(double c, double alpha, double? lawS1pt, Span<double> into)
    {
        var work = scratch.AsSpan(0, count);
        if (lawS1pt is double fixedS1pt)
        {
            TensorPrimitives.Add(S1cpt, fixedS1pt, work);
            TensorPrimitives.Log(work, work);
        }
        else
        {
            if (!haveLogS1)
            {
                var log = logS1.AsSpan(0, count);
                TensorPrimitives.Add(S1pt, S1cpt, log);
                TensorPrimitives.Log(log, log);
                haveLogS1 = true;
            }
            logS1.AsSpan(0, count).CopyTo(work);
        }
        TensorPrimitives.Multiply(work, -alpha, work);
        TensorPrimitives.Exp(work, work);
        TensorPrimitives.MultiplyAdd(work, c, into, into);
    }

    /// <summary>into += c·(1 − exp(−β·log1p(E·S1cpt))).</summary>
    public void AddShift(double c, double e, double beta, Span<double> into)
    {
        // Before the switch S1cpt is 0 and the shift exactly 0; S1cpt never decreases along a
        // table, so its last row tells for the whole block. Most of a run is pre-training.
        if (S1cpt[^1] == 0 && S1cpt[0] == 0) return;
        var work = scratch.AsSpan(0, count);
        TensorPrimitives.Multiply(S1cpt, e, work);
        Log1pInPlace(work);
        TensorPrimitives.Multiply(work, -beta, work);
        TensorPrimitives.Exp(work, work);
        // c·(1 − w) = c − c·w
        TensorPrimitives.MultiplyAdd(work, -c, into, into);
        TensorPrimitives.Add(into, c, into);
    }

    /// <summary><c>log1p</c> with Goldberg's correction, a vector at a time: the naive
    /// <c>log(1 + x)</c> loses the digits of small <c>E·S1cpt</c> right after the switch.</summary>
    // Hot loop: compiled optimised at once, not after tier-0 warm-up (a CLI run is one call).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Log1pInPlace(Span<double> x)
    {
        var logOfU = logU.AsSpan(0, x.Length);
        TensorPrimitives.Add(x, 1.0, logOfU);
        TensorPrimitives.Log(logOfU, logOfU);
        int i = 0;
        var one = Vector<double>.One;
        for (; i + Vector<double>.Count <= x.Length; i += Vector<double>.Count)
        {
            var xv = new Vector<double>(x[i..]);
            var u = xv + one;
            var lu = new Vector<double>(logOfU[i..]);
            var corrected = lu * xv / (u - one);
            Vector.ConditionalSelect(Vector.Equals(u, one), xv, corrected).CopyTo(x[i..]);
        }
        for (; i < x.Length; i++) x[i] = Numerics.StableMath.Log1p(x[i]);
    }
}
