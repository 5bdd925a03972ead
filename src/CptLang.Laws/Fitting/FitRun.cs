using CptLang.Laws.Areas;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Fitting;

/// <summary>
/// The observed losses of one run at its logged steps, with the areas of those steps computed
/// once: they depend on the schedule only, never on the law's parameters, so every evaluation of
/// the objective costs O(points).
/// </summary>
public sealed class FitRun
{
    FitRun(string name, AreaTable areas, double[] losses, double replayRatio, ValidationRole role, double? modelSize)
    {
        Name = name;
        ModelSize = modelSize;
        Areas = areas;
        // the law forms read these per point at every evaluation: plain arrays, the log taken once
        LogS1 = [.. Enumerable.Range(0, areas.Count).Select(i => Math.Log(areas.S1pt[i] + areas.S1cpt[i]))];
        S1cpt = areas.S1cpt.ToArray();
        S2pt = areas.S2pt.ToArray();
        S2cpt = areas.S2cpt.ToArray();
        S2 = [.. S2pt.Zip(S2cpt, (pt, cpt) => pt + cpt)];
        // steps ascend and S1cpt never falls, so the rows after the switch are a suffix
        FirstContinualRow = Array.FindIndex(S1cpt, x => x != 0) is var first and >= 0 ? first : areas.Count;
        Losses = losses;
        ReplayRatio = replayRatio;
        Role = role;
        multiPowerColumns = new(() => new MultiPowerColumns(
            new MultiPowerDrops(Schedule ?? throw new InvalidOperationException("the run has no schedule"), coarse: true),
            [.. Enumerable.Range(0, Count).Select(StepAt)]));
    }

    /// <summary>The run's observations of validation set <paramref name="law"/> at
    /// <paramref name="steps"/> (ascending, within the run) with the losses observed there.
    /// <paramref name="modelSize"/> is the run's model size <c>N</c> in millions of
    /// non-embedding parameters, needed by the model-size form (Eq. 7) only.</summary>
    public static FitRun Create(ScheduleAreas areas, string law, ReadOnlySpan<long> steps, ReadOnlySpan<double> losses, double? modelSize = null)
    {
        ArgumentNullException.ThrowIfNull(areas);
        if (modelSize is { } size && !(size > 0 && double.IsFinite(size)))
            throw new ArgumentOutOfRangeException(nameof(modelSize), size, "a model size must be positive and finite");
        if (steps.Length != losses.Length)
            throw new ArgumentException($"{steps.Length} steps but {losses.Length} losses", nameof(losses));
        var plan = areas.Plan;
        return new FitRun(plan.Run, areas.AtSteps(steps), losses.ToArray(),
            plan.Continual?.ReplayRatio ?? 0, ValidationRoles.Of(law, plan), modelSize) { Schedule = areas };
    }

    /// <summary>The same run with, per row, the other fitted runs whose logs hold the same row
    /// (same step, areas and loss: a CPT log's copy of the shared pre-training rows, kept once
    /// here). Leaving this run out of a fit then keeps those rows in the fit
    /// (<see cref="LeaveOneRunOut"/>).</summary>
    public FitRun WithSharedRows(IReadOnlyList<IReadOnlyList<string>> alsoLoggedBy)
    {
        ArgumentNullException.ThrowIfNull(alsoLoggedBy);
        if (alsoLoggedBy.Count != Count) throw new ArgumentException($"{alsoLoggedBy.Count} rows for {Count}", nameof(alsoLoggedBy));
        return new FitRun(this, [.. Losses]) { AlsoLoggedBy = alsoLoggedBy };
    }

    /// <summary>The same run at other logged steps (ascending), its areas computed anew.</summary>
    internal FitRun WithRows(long[] steps, double[] losses)
    {
        var areas = Schedule ?? throw new InvalidOperationException("the run has no schedule");
        return new FitRun(Name, areas.AtSteps(steps), losses, ReplayRatio, Role, ModelSize) { Schedule = areas };
    }

    /// <summary>Per row, the other fitted runs whose logs hold the same row; empty lists when
    /// none do.</summary>
    public IReadOnlyList<IReadOnlyList<string>> AlsoLoggedBy
    {
        get => alsoLoggedBy ??= [.. Enumerable.Repeat<IReadOnlyList<string>>([], Count)];
        private init => alsoLoggedBy = value;
    }

    IReadOnlyList<IReadOnlyList<string>>? alsoLoggedBy;

    /// <summary>The same run and steps with other observed losses (a bootstrap replicate's):
    /// the areas and the Multi-Power Law's nodes are shared, not recomputed.</summary>
    public FitRun WithLosses(ReadOnlySpan<double> losses)
    {
        if (losses.Length != Count) throw new ArgumentException($"{losses.Length} losses for {Count} rows", nameof(losses));
        return new FitRun(this, losses.ToArray());
    }

    FitRun(FitRun source, double[] losses)
    {
        Name = source.Name;
        ModelSize = source.ModelSize;
        Areas = source.Areas;
        LogS1 = source.LogS1;
        S1cpt = source.S1cpt;
        S2pt = source.S2pt;
        S2cpt = source.S2cpt;
        S2 = source.S2;
        FirstContinualRow = source.FirstContinualRow;
        Losses = losses;
        ReplayRatio = source.ReplayRatio;
        Role = source.Role;
        Schedule = source.Schedule;
        alsoLoggedBy = source.alsoLoggedBy;
        // the Multi-Power Law's columns depend on the schedule only: one lazy copy for every replicate
        multiPowerColumns = source.multiPowerColumns;
    }

    public string Name { get; }

    /// <summary>The areas at the observed steps.</summary>
    public AreaTable Areas { get; }

    /// <summary>The observed losses, one per row of <see cref="Areas"/>.</summary>
    public IReadOnlyList<double> Losses { get; }

    /// <summary><c>r_pt</c>: the share of pre-training data replayed after the switch.</summary>
    public double ReplayRatio { get; }

    /// <summary>Which replay equation applies to the fitted validation set on this run.</summary>
    public ValidationRole Role { get; }

    /// <summary>The model size <c>N</c> (millions of non-embedding parameters) the run trained,
    /// when given: the model-size form (Eq. 7) reads it per run.</summary>
    public double? ModelSize { get; }

    public int Count => Areas.Count;

    /// <summary><c>ln(S1pt + S1cpt)</c> at each observed step.</summary>
    internal double[] LogS1 { get; }
    internal double[] S1cpt { get; }
    internal double[] S2pt { get; }
    internal double[] S2cpt { get; }
    internal double[] S2 { get; }

    /// <summary>The first row with <c>S1cpt &gt; 0</c> (<see cref="Count"/> when none): the
    /// distribution shift is exactly 0 on the rows before it.</summary>
    public int FirstContinualRow { get; }

    public long StepAt(int i) => Areas.StepAt(i);

    /// <summary>The run's schedule (the Multi-Power Law sums over all of it).</summary>
    internal ScheduleAreas? Schedule { get; private init; }

    /// <summary>The largest LR of any step of the run (NaN without a schedule): the scale of the
    /// Multi-Power Law's <c>B</c> and <c>C</c>, which its prior follows.</summary>
    public double LargestLearningRate => Schedule?.Plan is { } plan ? plan.LargestLearningRate(plan.TotalSteps) : double.NaN;

    /// <summary>The Multi-Power Law's loss-drop nodes of every row, collected once (by one thread:
    /// the fitter's parallel starts all ask at once): they depend on the schedule only, so every
    /// evaluation is a pass over fixed columns.</summary>
    internal MultiPowerColumns MultiPowerColumns => multiPowerColumns.Value;

    readonly Lazy<MultiPowerColumns> multiPowerColumns;
}
