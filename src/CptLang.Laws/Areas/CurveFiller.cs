using System.Buffers;
using System.Runtime.CompilerServices;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Areas;

/// <summary>
/// The sequential full-curve path: each block of steps starts from the exact closed-form state
/// and continues with the per-step recurrence, O(1) per step. Blocks and chunks are aligned on
/// absolute step numbers, so a step's values do not depend on the range asked for or on the
/// number of threads, and rounding cannot build up beyond one block.
/// </summary>
internal sealed class CurveFiller(ScheduleAreas areas, AreaTable table)
{
    /// <summary>Steps per parallel work item.</summary>
    const long ChunkSteps = 1 << 16;

    /// <summary>Steps between exact re-synchronisations of closed-form segments.</summary>
    const long BlockSteps = 1 << 12;

    /// <summary>The recurrence's running values.</summary>
    struct Running
    {
        public double S1pt, S1cpt, S2pt, S2cpt, Momentum, PtMomentum, LearningRate;
    }

    public void Fill()
    {
        if (table.Count == 0) return;
        long first = table.FirstStep, last = first + table.Count - 1;
        long firstChunk = (first - 1) / ChunkSteps, lastChunk = (last - 1) / ChunkSteps;
        int chunks = (int)(lastChunk - firstChunk + 1);
        if (chunks == 1)
        {
            FillRange(first, last);
            return;
        }
        Parallel.For(0, chunks, i =>
        {
            long chunk = firstChunk + i;
            FillRange(Math.Max(first, chunk * ChunkSteps + 1), Math.Min(last, (chunk + 1) * ChunkSteps));
        });
    }

    void FillRange(long start, long end)
    {
        var plan = areas.Plan;
        var scratch = new Scratch();
        try
        {
            int segment = plan.SegmentIndexOf(start);
            for (long s = start; s <= end; segment++)
            {
                long pieceEnd = Math.Min(plan.Segments[segment].LastStep, end);
                FillPiece(segment, s, pieceEnd, scratch);
                s = pieceEnd + 1;
            }
        }
        finally
        {
            scratch.Return();
        }
    }

    /// <summary>Fills steps <paramref name="start"/>..<paramref name="end"/> of one segment. The
    /// walk starts at the aligned block (closed forms) or chunk (stepped kernels) containing
    /// <paramref name="start"/>, and the LRs of a block are always computed for the whole block
    /// (vector lanes round differently from a tail), so that every step's values are the same
    /// whatever range was asked for.</summary>
    void FillPiece(int segment, long start, long end, Scratch scratch)
    {
        bool resync = areas.IsClosedForm(segment);
        long segmentLast = areas.Plan.Segments[segment].LastStep;
        long aligned = resync ? (start - 1) / BlockSteps * BlockSteps + 1 : (start - 1) / ChunkSteps * ChunkSteps + 1;
        long origin = Math.Max(areas.Plan.Segments[segment].FirstStep, aligned);
        var running = FromState(areas.StateBefore(segment, origin));
        for (long b = origin; b <= end;)
        {
            long blockLast = Math.Min(segmentLast, ((b - 1) / BlockSteps + 1) * BlockSteps);
            long runTo = Math.Min(blockLast, end);
            if (resync && b != origin) running = FromState(areas.StateBefore(segment, b));
            bool direct = b >= start && runTo == blockLast;
            var rows = direct ? TableRows(b, blockLast) : scratch.Rows(b, blockLast);
            Walk(segment, b, runTo, ref running, rows, scratch.Effective);
            if (!direct && runTo >= start)
            {
                int from = (int)(Math.Max(b, start) - b), count = (int)(runTo - b + 1) - from;
                var into = TableRows(b + from, runTo);
                rows.LearningRate.Slice(from, count).CopyTo(into.LearningRate);
                rows.S1pt.Slice(from, count).CopyTo(into.S1pt);
                rows.S1cpt.Slice(from, count).CopyTo(into.S1cpt);
                rows.S2pt.Slice(from, count).CopyTo(into.S2pt);
                rows.S2cpt.Slice(from, count).CopyTo(into.S2cpt);
            }
            b = blockLast + 1;
        }
    }

    /// <summary>Where a walk writes: the table's rows, or scratch rows that are thrown away.</summary>
    readonly ref struct Rows(Span<double> lr, Span<double> s1pt, Span<double> s1cpt, Span<double> s2pt, Span<double> s2cpt)
    {
        public readonly Span<double> LearningRate = lr, S1pt = s1pt, S1cpt = s1cpt, S2pt = s2pt, S2cpt = s2cpt;
    }

    Rows TableRows(long start, long end)
    {
        int offset = (int)(start - table.FirstStep), count = (int)(end - start + 1);
        return new Rows(table.LearningRateColumn.AsSpan(offset, count), table.S1ptColumn.AsSpan(offset, count),
            table.S1cptColumn.AsSpan(offset, count), table.S2ptColumn.AsSpan(offset, count), table.S2cptColumn.AsSpan(offset, count));
    }

    /// <summary>Per-thread buffers of one block: the peak LRs of warmups and discarded rows.</summary>
    sealed class Scratch
    {
        readonly double[][] columns = [.. Enumerable.Range(0, 6).Select(_ => ArrayPool<double>.Shared.Rent((int)BlockSteps))];

        public double[] Effective => columns[5];

        public Rows Rows(long start, long end)
        {
            int count = (int)(end - start + 1);
            return new Rows(columns[0].AsSpan(0, count), columns[1].AsSpan(0, count), columns[2].AsSpan(0, count),
                columns[3].AsSpan(0, count), columns[4].AsSpan(0, count));
        }

        public void Return()
        {
            foreach (var column in columns) ArrayPool<double>.Shared.Return(column);
        }
    }

    static Running FromState(in AreaState state) => new()
    {
        S1pt = state.Point.S1pt,
        S1cpt = state.Point.S1cpt,
        S2pt = state.Point.S2pt,
        S2cpt = state.Point.S2cpt,
        Momentum = state.Momentum,
        PtMomentum = state.PtMomentum,
        LearningRate = state.EffectiveLearningRate,
    };

    /// <summary>Steps the recurrence from <paramref name="start"/> (an aligned block's first
    /// step) to <paramref name="end"/>, after filling the LRs of all of <paramref name="rows"/>.</summary>
    // Hot loop: compiled optimised at once, not after tier-0 warm-up (a CLI run is one call).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Walk(int segment, long start, long end, ref Running r, Rows rows, double[] effectiveBuffer)
    {
        var seg = areas.Plan.Segments[segment];
        int count = (int)(end - start + 1);
        LearningRateFill.Fill(seg.Kernel, seg.Length, start - seg.FirstStep + 1, rows.LearningRate);
        ReadOnlySpan<double> eta = rows.LearningRate;
        if (areas.CountsAsPeak(segment))
        {
            var peak = effectiveBuffer.AsSpan(0, count);
            peak.Fill(seg.Kernel.To);
            eta = peak;
        }

        var s1pt = rows.S1pt[..count];
        var s1cpt = rows.S1cpt[..count];
        var s2pt = rows.S2pt[..count];
        var s2cpt = rows.S2cpt[..count];
        double lambda = areas.Lambda, m = r.Momentum, previous = r.LearningRate;

        if (!areas.IsContinual(segment))
        {
            double a1 = r.S1pt, a2 = r.S2pt;
            for (int i = 0; i < count; i++)
            {
                double e = eta[i];
                m = lambda * m + (previous - e);
                previous = e;
                a1 += e; a2 += m;
                s1pt[i] = a1; s2pt[i] = a2;
            }
            s1cpt.Clear(); s2cpt.Clear();
            r.S1pt = a1; r.S2pt = a2; r.PtMomentum = m;
        }
        else if (areas.Plan.Settings.S2Split == S2Split.Step)
        {
            double c1 = r.S1cpt, c2 = r.S2cpt;
            for (int i = 0; i < count; i++)
            {
                double e = eta[i];
                m = lambda * m + (previous - e);
                previous = e;
                c1 += e; c2 += m;
                s1cpt[i] = c1; s2cpt[i] = c2;
            }
            s1pt.Fill(r.S1pt); s2pt.Fill(r.S2pt);
            r.S1cpt = c1; r.S2cpt = c2;
        }
        else
        {
            double c1 = r.S1cpt, p2 = r.S2pt, c2 = r.S2cpt, mpt = r.PtMomentum;
            for (int i = 0; i < count; i++)
            {
                double e = eta[i];
                m = lambda * m + (previous - e);
                mpt *= lambda;
                previous = e;
                c1 += e; p2 += mpt; c2 += m - mpt;
                s1cpt[i] = c1; s2pt[i] = p2; s2cpt[i] = c2;
            }
            s1pt.Fill(r.S1pt);
            r.S1cpt = c1; r.S2pt = p2; r.S2cpt = c2; r.PtMomentum = mpt;
        }
        r.Momentum = m;
        r.LearningRate = previous;
    }
}
