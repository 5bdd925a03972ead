using CptLang.Laws.Areas;
using CptLang.Laws.Numerics;

namespace CptLang.Laws.Laws;

/// <summary>
/// A block of rows of an <see cref="AreaTable"/> with scratch space, over which the law terms
/// are evaluated with vectorised <c>log</c>/<c>exp</c> (<see cref="VectorMath"/>). <c>log S1</c> is computed once per block
/// and shared by every law that uses the plan's <c>S1</c>.
/// </summary>
internal sealed class LawBlock
{
    readonly double[] scratch, logS1;
    AreaTable? table;
    int offset, count;
    bool haveLogS1;

    public LawBlock(int capacity)
    {
        scratch = new double[capacity];
        logS1 = new double[capacity];
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
    public long StepAt(int i) => table!.StepAt(offset + i);
    public ReadOnlySpan<double> S1pt => table!.S1ptColumn.AsSpan(offset, count);
    public ReadOnlySpan<double> S1cpt => table!.S1cptColumn.AsSpan(offset, count);
    public ReadOnlySpan<double> S2pt => table!.S2ptColumn.AsSpan(offset, count);
    public ReadOnlySpan<double> S2cpt => table!.S2cptColumn.AsSpan(offset, count);

    /// <summary>into += c·column.</summary>
    public void AddLinear(double c, ReadOnlySpan<double> column, Span<double> into) => VectorMath.AddScaled(column, c, into);

    /// <summary>into += c·S1^(−α), <c>S1 = (lawS1pt ?? S1pt) + S1cpt</c>.</summary>
    public void AddPower(double c, double alpha, double? lawS1pt, Span<double> into)
    {
        var work = scratch.AsSpan(0, count);
        ReadOnlySpan<double> log;
        if (lawS1pt is double fixedS1pt)
        {
            var s1cpt = S1cpt;
            for (int i = 0; i < count; i++) work[i] = fixedS1pt + s1cpt[i];
            VectorMath.Map(work, work, new Logarithm());
            log = work;
        }
        else
        {
            if (!haveLogS1)
            {
                var shared = logS1.AsSpan(0, count);
                var s1pt = S1pt;
                var s1cpt = S1cpt;
                for (int i = 0; i < count; i++) shared[i] = s1pt[i] + s1cpt[i];
                VectorMath.Map(shared, shared, new Logarithm());
                haveLogS1 = true;
            }
            log = logS1.AsSpan(0, count);
        }
        VectorMath.Map(log, work, new ScaledExp(-alpha));
        VectorMath.AddScaled(work, c, into);
    }

    /// <summary>into += c·(1 − exp(−β·log1p(E·S1cpt))).</summary>
    public void AddShift(double c, double e, double beta, Span<double> into)
    {
        // Before the switch S1cpt is 0 and the shift exactly 0; S1cpt never decreases along a
        // table, so its first and last rows tell for the whole block. Most of a run is pre-training.
        if (S1cpt[^1] == 0 && S1cpt[0] == 0) return;
        var work = scratch.AsSpan(0, count);
        VectorMath.Map(S1cpt, work, new ScaledLog1p(e));
        // c·(1 − w) as −c·expm1(−β·log1p(E·S1cpt)), as the scalar term does: `c − c·w` cancels for a
        // large c (B = 1e20 gave 0 at pre-switch rows of a block that crosses the switch), so a
        // step's value depended on which other steps were evaluated with it
        for (int i = 0; i < count; i++)
            if (work[i] != 0) into[i] -= c * StableMath.Expm1(-beta * work[i]);
    }
}
