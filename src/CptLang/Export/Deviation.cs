namespace CptLang.Export;

/// <summary>
/// How far a framework's schedule is from cptc's over every update of a stage. The relative
/// deviation of one step is <c>|η_framework − η_cptc| / max(|η_cptc|, 1e-9·peak)</c>: relative to
/// the LR itself, with a floor so that steps at (or next to) zero do not divide by zero.
/// </summary>
/// <param name="Relative">The largest relative deviation of any step (what exactness is judged by).</param>
/// <param name="Absolute">The largest absolute deviation, at <paramref name="Step"/> (0 when there is none).</param>
public sealed record Deviation(double Relative, double Absolute, long Step, double Expected, double Actual, double PeakLr)
{
    /// <summary>Exact means within this relative deviation on every step.</summary>
    public const double Tolerance = 1e-12;

    public static Deviation None { get; } = new(0, 0, 0, 0, 0, 1);

    public bool IsExact => Relative <= Tolerance;

    /// <summary>The worst deviation as people read it: absolute, and as a share of the stage's peak LR.</summary>
    public string Text => Absolute == 0 ? "0" :
        $"{Diagnostics.DisplayFormat.Number(Absolute)} ({Diagnostics.DisplayFormat.Number(100 * Absolute / PeakLr)}% of the peak LR)";

    /// <summary>Evaluates <paramref name="framework"/> (local update → LR) on every update of the stage.</summary>
    public static Deviation Measure(StageSchedule stage, Func<long, double> framework) => Measure(stage, framework, stage.FirstStep, stage.LastStep);

    /// <summary>The same over the run's steps <paramref name="first"/>..<paramref name="last"/> of the stage only (one phase, say).</summary>
    public static Deviation Measure(StageSchedule stage, Func<long, double> framework, long first, long last)
    {
        double peak = stage.PeakLr, floor = 1e-9 * peak;
        double maxRelative = 0;
        var worst = None with { PeakLr = peak };
        // one pass over the segments, so each step's cptc LR costs O(1)
        foreach (var segment in stage.Plan.Segments.Where(s => s.Stage == stage.Index))
            for (long step = Math.Max(segment.FirstStep, first); step <= Math.Min(segment.LastStep, last); step++)
            {
                double expected = segment.LearningRate(step);
                double actual = framework(stage.Local(step));
                double absolute = Math.Abs(actual - expected);
                if (!double.IsFinite(actual)) absolute = double.PositiveInfinity;
                // equal values deviate by nothing, even where the floor underflows (a peak of 1e-320)
                if (absolute > 0) maxRelative = Math.Max(maxRelative, absolute / Math.Max(Math.Abs(expected), Math.Max(floor, double.Epsilon)));
                if (absolute > worst.Absolute) worst = new(0, absolute, step, expected, actual, peak);
            }
        return worst with { Relative = maxRelative };
    }
}
