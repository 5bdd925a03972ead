namespace CptLang.Laws.Areas;

/// <summary>
/// Areas at many steps, column by column (learning rate, S1pt, S1cpt, S2pt, S2cpt), so that the
/// laws can be evaluated over whole columns with vectorised math. Either consecutive steps (a
/// curve) or an explicit ascending list.
/// </summary>
public sealed class AreaTable
{
    readonly long[]? steps;
    internal readonly double[] LearningRateColumn, S1ptColumn, S1cptColumn, S2ptColumn, S2cptColumn;

    AreaTable(long firstStep, long[]? steps, int count)
    {
        FirstStep = firstStep;
        this.steps = steps;
        Count = count;
        LearningRateColumn = Column(count);
        S1ptColumn = Column(count);
        S1cptColumn = Column(count);
        S2ptColumn = Column(count);
        S2cptColumn = Column(count);
    }

    /// <summary>An empty table for the <paramref name="count"/> steps from
    /// <paramref name="firstStep"/>, to fill with <see cref="ScheduleAreas.FillCurve"/>.</summary>
    public static AreaTable ForCurve(long firstStep, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new AreaTable(firstStep, null, count);
    }

    internal static AreaTable ForSteps(long[] steps) => new(steps.Length > 0 ? steps[0] : 1, steps, steps.Length);

    public int Count { get; }

    /// <summary>True for a curve (steps <see cref="FirstStep"/>, <see cref="FirstStep"/>+1, …).</summary>
    public bool IsConsecutive => steps is null;

    public long FirstStep { get; }

    public long StepAt(int index) => steps is null ? FirstStep + index : steps[index];

    public ReadOnlySpan<double> LearningRate => LearningRateColumn;
    public ReadOnlySpan<double> S1pt => S1ptColumn;
    public ReadOnlySpan<double> S1cpt => S1cptColumn;
    public ReadOnlySpan<double> S2pt => S2ptColumn;
    public ReadOnlySpan<double> S2cpt => S2cptColumn;

    public AreaPoint this[int index] => new(StepAt(index), LearningRateColumn[index],
        S1ptColumn[index], S1cptColumn[index], S2ptColumn[index], S2cptColumn[index]);

    internal void Set(int index, in AreaPoint point)
    {
        LearningRateColumn[index] = point.LearningRate;
        S1ptColumn[index] = point.S1pt;
        S1cptColumn[index] = point.S1cpt;
        S2ptColumn[index] = point.S2pt;
        S2cptColumn[index] = point.S2cpt;
    }

    // Every element is written before it is read, so large columns skip the zeroing.
    static double[] Column(int count) => count >= 1024 ? GC.AllocateUninitializedArray<double>(count) : new double[count];
}
