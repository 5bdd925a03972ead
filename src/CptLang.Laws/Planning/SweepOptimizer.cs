using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace CptLang.Laws.Planning;

/// <summary>How far a sweep has got; read from another thread to show progress.</summary>
public sealed class SweepProgress
{
    long done;
    public long Done => Interlocked.Read(ref done);
    internal void Add(long count) => Interlocked.Add(ref done, count);
}

/// <summary>
/// Evaluates every grid candidate of a <see cref="SweepProblem"/> on all cores, then refines the
/// continuous axes around the best ones. Memory is flat in the number of candidates: workers
/// decode candidates from their index and keep only their own top K, closest K and Pareto
/// front, merged when they finish.
/// </summary>
public static class SweepOptimizer
{
    /// <summary>Candidates a worker takes at a time (also the progress granularity).</summary>
    const long Chunk = 256;

    public static SweepResult Run(SweepProblem problem, int top, bool refine = true, SweepProgress? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (top < 1) throw new ArgumentOutOfRangeException(nameof(top), top, "keep at least one candidate");
        var evaluator = new CandidateEvaluator(problem);
        long count = problem.Count;
        var all = new Worker(top);
        object gate = new();
        var options = new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(Partitioner.Create(0, count, Math.Max(1, Math.Min(Chunk, count / (4L * Environment.ProcessorCount) + 1))), options,
            () => new Worker(top),
            (range, _, worker) =>
            {
                Span<double> values = stackalloc double[problem.Axes.Length];
                for (long i = range.Item1; i < range.Item2; i++)
                {
                    problem.Decode(i, values);
                    worker.Take(i, evaluator.Evaluate(i, values, out string? invalid, complete: false), invalid);
                }
                progress?.Add(range.Item2 - range.Item1);
                return worker;
            },
            worker => { lock (gate) all.Merge(worker); });

        var best = all.Best.Sorted();
        CandidateResult? refined = refine && best.Count > 0 ? Refinement.Around(evaluator, best.Take(3).ToList()) : null;
        if (refined is not null && !(refined.Objective < best[0].Objective)) refined = null;
        // the reported candidates get the full turning-length analysis (past the run's end too)
        ImmutableArray<CandidateResult> Complete(IEnumerable<CandidateResult> list)
        {
            var items = list.ToArray();
            Parallel.For(0, items.Length, options, i => items[i] = evaluator.Complete(items[i]));
            return [.. items];
        }
        return new SweepResult(Complete(best), refined is null ? null : evaluator.Complete(refined), Complete(all.Front.Sorted()),
            all.Feasible == 0 ? Complete(all.Closest.Sorted()) : [],
            all.Evaluated, all.Feasible, all.Invalid, all.InvalidReason?.Reason);
    }

    /// <summary>One worker's share: what it keeps of the candidates it evaluated.</summary>
    sealed class Worker(int top)
    {
        public TopCandidates Best { get; } = new(top, c => c.Objective);
        public TopCandidates Closest { get; } = new(top, c => c.Violation);
        public ParetoFront Front { get; } = new();
        public long Evaluated, Feasible, Invalid;
        public (long Index, string Reason)? InvalidReason;

        public void Take(long index, CandidateResult? candidate, string? invalid)
        {
            if (candidate is null)
            {
                Invalid++;
                NoteInvalid(index, invalid);
                return;
            }
            Evaluated++;
            if (candidate.IsFeasible)
            {
                Feasible++;
                Best.Offer(candidate);
                Front.Offer(candidate);
            }
            else if (Feasible == 0) Closest.Offer(candidate);
        }

        public void NoteInvalid(long index, string? reason)
        {
            if (reason is not null && (InvalidReason is null || index < InvalidReason.Value.Index)) InvalidReason = (index, reason);
        }

        public void Merge(Worker other)
        {
            Best.Merge(other.Best);
            Closest.Merge(other.Closest);
            Front.Merge(other.Front);
            Evaluated += other.Evaluated;
            Feasible += other.Feasible;
            Invalid += other.Invalid;
            if (other.InvalidReason is { } r) NoteInvalid(r.Index, r.Reason);
        }
    }
}
