using System.Collections.Immutable;
using CptLang.Laws.Derived;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Planning;

/// <summary>One cell of the turning-length table: what the general-domain loss does for one CPT
/// peak LR and replay ratio (null when the sweep does not vary it).</summary>
public sealed record TurningCell(double? CptPeakLr, double? ReplayRatio, TurningLength? Turning, string? Problem);

/// <summary>
/// CPT §4.4 for a sweep: whether the general-domain loss can come back at all after the switch
/// (the critical point: its long-run limit <c>L0 + B − C1·S2pt − C2·S2cpt</c> against its value at
/// the switch), and the turning length as a function of the CPT peak LR and the replay ratio,
/// every other axis held at <paramref name="at"/>.
/// </summary>
public static class TurningAnalysis
{
    public static ImmutableArray<TurningCell> Table(SweepProblem problem, ReadOnlySpan<double> at)
    {
        var axes = problem.Axes;
        int peak = IndexOf(axes, AxisKind.CptPeakLr), replay = IndexOf(axes, AxisKind.ReplayRatio);
        double[] peaks = peak >= 0 ? [.. axes[peak].Values] : [double.NaN];
        double[] replays = replay >= 0 ? [.. axes[replay].Values] : [double.NaN];
        var cells = new TurningCell[peaks.Length * replays.Length];
        var point = at.ToArray();
        Parallel.For(0, cells.Length, i =>
        {
            var values = (double[])point.Clone();
            double p = peaks[i / replays.Length], r = replays[i % replays.Length];
            if (peak >= 0) values[peak] = p;
            if (replay >= 0) values[replay] = r;
            cells[i] = Cell(problem, values, peak >= 0 ? p : null, replay >= 0 ? r : null);
        });
        return [.. cells];
    }

    static TurningCell Cell(SweepProblem problem, double[] values, double? peak, double? replay)
    {
        var plan = problem.Family.Build(Choice.Of(problem.Axes, values), out string? invalid);
        if (plan is null) return new TurningCell(peak, replay, null, invalid);
        var predictor = new LossPredictor(plan, problem.Laws);
        int general = predictor.IndexOf(ValidationRole.General);
        if (general < 0 || !predictor.Laws[general].IsValid)
            return new TurningCell(peak, replay, null, "no law is named after the pre-training domain");
        return TurningLength.TryFind(predictor, general, out var turning, out var undefined)
            ? new TurningCell(peak, replay, turning, null)
            : new TurningCell(peak, replay, null, undefined.Message);
    }

    static int IndexOf(ImmutableArray<SweepAxis> axes, AxisKind kind)
    {
        for (int i = 0; i < axes.Length; i++) if (axes[i].Kind == kind) return i;
        return -1;
    }
}
