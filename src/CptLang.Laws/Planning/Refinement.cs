namespace CptLang.Laws.Planning;

/// <summary>
/// Refines the continuous axes (ranges) of the best grid candidates: coordinate descent with a
/// golden-section search on each axis, within one grid step of the current point and never
/// outside the declared range (docs/laws.md §5: stay inside the family). Lists and shapes stay at
/// their grid values. An infeasible point scores worse than any feasible one nearby, so the
/// search stops at a constraint's boundary instead of crossing it.
/// </summary>
internal static class Refinement
{
    const int Rounds = 3;
    const int GoldenIterations = 24;
    static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>The best refined candidate over <paramref name="starts"/> (null when none stays valid).</summary>
    public static CandidateResult? Around(CandidateEvaluator evaluator, IReadOnlyList<CandidateResult> starts)
    {
        var axes = evaluator.Problem.Axes;
        if (!axes.Any(a => a.IsContinuous)) return null;
        var results = new CandidateResult?[starts.Count];
        Parallel.For(0, starts.Count, i => results[i] = From(evaluator, starts[i]));
        return results.Where(r => r is { IsFeasible: true }).OrderBy(r => r!.Objective).FirstOrDefault();
    }

    static CandidateResult? From(CandidateEvaluator evaluator, CandidateResult start)
    {
        var axes = evaluator.Problem.Axes;
        var point = start.Values.ToArray();
        CandidateResult? best = start;
        for (int round = 0; round < Rounds; round++)
        {
            double before = Score(best);
            for (int a = 0; a < axes.Length; a++)
            {
                var axis = axes[a];
                if (!axis.IsContinuous) continue;
                double width = axis.Step / Math.Pow(2, round);
                double lo = Math.Max(axis.Min, point[a] - width), hi = Math.Min(axis.Max, point[a] + width);
                // the grid leaves out a candidate a law cannot describe (a loss at or below 0);
                // searching towards such a neighbour only finds the edge where the loss reaches 0
                // (a "general loss" of 2e-6), so the search stays on the side of valid points
                bool integer = axis.Kind == AxisKind.CptSteps;
                if (!Valid(evaluator, point, a, lo, integer)) lo = point[a];
                if (!Valid(evaluator, point, a, hi, integer)) hi = point[a];
                if (!(hi > lo)) continue;
                var (x, candidate) = Golden(evaluator, point, a, lo, hi, integer);
                if (candidate is not null && Score(candidate) < Score(best))
                {
                    best = candidate;
                    point[a] = x;
                }
            }
            if (!(Score(best) < before)) break;
        }
        return ReferenceEquals(best, start) ? null : best;
    }

    static (double X, CandidateResult? Result) Golden(CandidateEvaluator evaluator, double[] point, int axis, double lo, double hi, bool integer)
    {
        var values = (double[])point.Clone();
        CandidateResult? bestResult = null;
        double bestX = point[axis];
        double F(double x)
        {
            values[axis] = integer ? Math.Round(x) : x;
            var r = evaluator.Evaluate(-1, values, out _, complete: false);
            if (r is not null && (bestResult is null || Score(r) < Score(bestResult)))
            {
                bestResult = r;
                bestX = values[axis];
            }
            return Score(r);
        }
        double a = lo, b = hi;
        double c = b - InverseGolden * (b - a), d = a + InverseGolden * (b - a);
        double fc = F(c), fd = F(d);
        for (int i = 0; i < GoldenIterations && (integer ? b - a > 1 : b - a > 1e-9 * Math.Max(1, Math.Abs(b))); i++)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - InverseGolden * (b - a); fc = F(c); }
            else { a = c; c = d; fc = fd; d = a + InverseGolden * (b - a); fd = F(d); }
        }
        F(lo);
        F(hi);
        return (bestX, bestResult);
    }

    static bool Valid(CandidateEvaluator evaluator, double[] point, int axis, double x, bool integer)
    {
        var values = (double[])point.Clone();
        values[axis] = integer ? Math.Round(x) : x;
        return evaluator.Evaluate(-1, values, out _, complete: false) is not null;
    }

    /// <summary>The objective, with every infeasible point ranked after every feasible one.</summary>
    static double Score(CandidateResult? r) => r is null ? double.PositiveInfinity : r.IsFeasible ? r.Objective : 1e6 + r.Violation;
}
