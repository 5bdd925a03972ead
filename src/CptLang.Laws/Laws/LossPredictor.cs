using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using CptLang.Laws.Areas;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Laws;

/// <summary>
/// A run's plan and a file's laws, ready to predict: the loss of every law at any step, at
/// sampled steps, or along the whole curve. Immutable and thread-safe.
/// <para>Problems are data, not exceptions: structural ones (a replay law without a role, a
/// weighted sum naming an unknown law, …) are in <see cref="Problems"/> from construction; a law
/// that is undefined at a step (e.g. <c>S1 = 0</c> with <c>alpha &gt; 0</c>) yields a
/// <see cref="LawProblemKind.Undefined"/> problem naming the law and the first such step.</para>
/// </summary>
public sealed class LossPredictor
{
    const int BlockRows = 2048;
    const int ParallelRows = 1 << 16;

    readonly ImmutableArray<CompiledLaw?> compiled;
    readonly Dictionary<string, int> indexByName;
    /// <summary>Per law, the areas it sees: <see cref="Areas"/>, or the same schedule under the
    /// law's own λ (<see cref="LawParameters.Lambda"/>); laws of one λ share an instance.</summary>
    readonly ScheduleAreas[] areasOf;

    public LossPredictor(EvaluationPlan plan, IReadOnlyList<LawDefinition> laws)
        : this(new ScheduleAreas(plan), laws)
    {
    }

    public LossPredictor(ScheduleAreas areas, IReadOnlyList<LawDefinition> laws)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(laws);
        Areas = areas;
        var result = LawCompiler.Compile(areas.Plan, laws, areas);
        Laws = result.Laws;
        compiled = result.Compiled;
        Problems = result.Problems;
        indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Laws.Length; i++) indexByName.TryAdd(Laws[i].Name, i);
        var byLambda = new Dictionary<double, ScheduleAreas> { [areas.Lambda] = areas };
        areasOf = new ScheduleAreas[laws.Count];
        for (int i = 0; i < laws.Count; i++)
        {
            double lambda = LawCompiler.LambdaOf(laws[i], laws, areas.Lambda);
            if (!byLambda.TryGetValue(lambda, out var own)) byLambda[lambda] = own = areas.WithLambda(lambda);
            areasOf[i] = own;
        }
    }

    /// <summary>The areas law <paramref name="law"/> sees: <see cref="Areas"/> unless the law
    /// states its own λ.</summary>
    public ScheduleAreas AreasOf(int law) => areasOf[law];

    /// <summary>The λ law <paramref name="law"/> states for itself, when it differs from the
    /// plan's (what the reports name); null when it sees the plan's.</summary>
    public double? OwnLambda(int law) => ReferenceEquals(areasOf[law], Areas) ? null : areasOf[law].Lambda;

    public ScheduleAreas Areas { get; }

    public EvaluationPlan Plan => Areas.Plan;

    /// <summary>The laws in declaration order; indices into this list name a law everywhere.</summary>
    public ImmutableArray<PredictedLaw> Laws { get; }

    /// <summary>Structural problems found when the laws were compiled for this plan.</summary>
    public ImmutableArray<LawProblem> Problems { get; }

    /// <summary>The index of the law called <paramref name="name"/>, or −1.</summary>
    public int IndexOf(string name) => indexByName.TryGetValue(name, out int i) ? i : -1;

    /// <summary>The law of role <paramref name="role"/> (first, if several), or −1.</summary>
    public int IndexOf(ValidationRole role)
    {
        for (int i = 0; i < Laws.Length; i++) if (Laws[i].Role == role) return i;
        return -1;
    }

    /// <summary>The loss of law <paramref name="law"/> at <paramref name="step"/>.</summary>
    public LossResult LossAt(int law, long step) => Loss(law, areasOf[law].At(step));

    /// <summary>The loss of law <paramref name="law"/> at the areas <paramref name="areas"/>,
    /// which must come from <see cref="AreasOf"/>(<paramref name="law"/>).</summary>
    public LossResult Loss(int law, in AreaPoint areas)
    {
        if (compiled[law] is not { } c) return LossResult.Failed(StructuralProblem(law));
        double value = c.Value(areas);
        return double.IsFinite(value)
            ? LossResult.Of(value)
            : LossResult.Failed(new LawProblem(Laws[law].Name, LawProblemKind.Undefined, c.Explain(areas), areas.Step, 1));
    }

    /// <summary>Every law at <paramref name="sortedSteps"/> (ascending).</summary>
    public LossTable Predict(ReadOnlySpan<long> sortedSteps) => Evaluate(Areas.AtSteps(sortedSteps));

    /// <summary>Every law at every step from <paramref name="firstStep"/> to <paramref name="lastStep"/>.</summary>
    public LossTable PredictCurve(long firstStep, long lastStep) => Evaluate(Areas.Curve(firstStep, lastStep));

    /// <summary>Every law at the rows of <paramref name="areas"/> (filled by this predictor's
    /// <see cref="Areas"/>), with vectorised math and both cores for long tables.</summary>
    public LossTable Evaluate(AreaTable areas)
    {
        var columns = new double[]?[Laws.Length];
        for (int i = 0; i < columns.Length; i++)
            if (compiled[i] is not null) columns[i] = areas.Count >= 1024 ? GC.AllocateUninitializedArray<double>(areas.Count) : new double[areas.Count];
        return EvaluateInto(areas, columns);
    }

    /// <summary><see cref="Evaluate(AreaTable)"/> into caller-owned columns, so that repeated
    /// evaluations allocate nothing large: one array per law of at least
    /// <c>areas.Count</c> elements (null skips that law). The returned table uses them; a law
    /// that turns out undefined has its entry set to null.</summary>
    public LossTable EvaluateInto(AreaTable areas, double[]?[] columns)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length != Laws.Length)
            throw new ArgumentException($"{columns.Length} columns for {Laws.Length} laws", nameof(columns));
        for (int i = 0; i < columns.Length; i++)
        {
            if (compiled[i] is null) columns[i] = null;
            else if (columns[i] is { } c && c.Length < areas.Count)
                throw new ArgumentException($"column {i} holds {c.Length} values, the table {areas.Count}", nameof(columns));
        }
        var tables = TablesFor(areas, columns);
        var firstUndefined = new int[Laws.Length];
        var undefinedCount = new long[Laws.Length];
        Array.Fill(firstUndefined, int.MaxValue);
        int blocks = (areas.Count + BlockRows - 1) / BlockRows;
        object merge = new();
        if (areas.Count < ParallelRows)
        {
            var block = new LawBlock(BlockRows);
            for (int b = 0; b < blocks; b++) EvaluateBlock(tables, areas.Count, b, block, columns, firstUndefined, undefinedCount);
        }
        else
        {
            Parallel.For(0, blocks,
                () => (Block: new LawBlock(BlockRows), First: NewFirst(), Count: new long[Laws.Length]),
                (b, _, local) =>
                {
                    EvaluateBlock(tables, areas.Count, b, local.Block, columns, local.First, local.Count);
                    return local;
                },
                local =>
                {
                    lock (merge)
                        for (int i = 0; i < Laws.Length; i++)
                        {
                            firstUndefined[i] = Math.Min(firstUndefined[i], local.First[i]);
                            undefinedCount[i] += local.Count[i];
                        }
                });
        }

        var problems = ImmutableArray.CreateBuilder<LawProblem>();
        problems.AddRange(Problems);
        for (int i = 0; i < Laws.Length; i++)
        {
            if (undefinedCount[i] == 0) continue;
            var at = tables[i][firstUndefined[i]];
            problems.Add(new LawProblem(Laws[i].Name, LawProblemKind.Undefined, compiled[i]!.Explain(at), at.Step, undefinedCount[i]));
            columns[i] = null;
        }
        return new LossTable(areas, Laws, columns, problems.ToImmutable());
    }

    int[] NewFirst()
    {
        var first = new int[Laws.Length];
        Array.Fill(first, int.MaxValue);
        return first;
    }

    /// <summary>Per law, the rows it is evaluated on: <paramref name="areas"/>, or for a law with
    /// its own λ the same steps under its areas (one table per λ).</summary>
    AreaTable[] TablesFor(AreaTable areas, double[]?[] columns)
    {
        var tables = new AreaTable[Laws.Length];
        Dictionary<ScheduleAreas, AreaTable>? own = null;
        long[]? steps = null;
        for (int i = 0; i < tables.Length; i++)
        {
            if (ReferenceEquals(areasOf[i], Areas) || columns[i] is null) { tables[i] = areas; continue; }
            own ??= new(ReferenceEqualityComparer.Instance);
            if (!own.TryGetValue(areasOf[i], out var table))
            {
                if (areas.IsConsecutive)
                {
                    table = AreaTable.ForCurve(areas.FirstStep, areas.Count);
                    areasOf[i].FillCurve(table);
                }
                else
                {
                    steps ??= [.. Enumerable.Range(0, areas.Count).Select(areas.StepAt)];
                    table = areasOf[i].AtSteps(steps);
                }
                own[areasOf[i]] = table;
            }
            tables[i] = table;
        }
        return tables;
    }

    void EvaluateBlock(AreaTable[] tables, int rows, int b, LawBlock block, double[]?[] columns, int[] firstUndefined, long[] undefinedCount)
    {
        int start = b * BlockRows, length = Math.Min(BlockRows, rows - start);
        AreaTable? current = null;
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i] is not { } column || compiled[i] is not { } law) continue;
            // laws of one λ share the block (and its log S1); a law with its own λ resets it
            if (!ReferenceEquals(current, tables[i])) block.Reset(current = tables[i], start, length);
            var into = column.AsSpan(start, length);
            law.Evaluate(block, into);
            int bad = CountNonFinite(into, out int first);
            if (bad > 0)
            {
                firstUndefined[i] = Math.Min(firstUndefined[i], start + first);
                undefinedCount[i] += bad;
            }
        }
    }

    /// <summary>How many values are NaN or infinite (<c>x − x</c> is 0 only for finite x).</summary>
    // Hot loop: compiled optimised at once, not after tier-0 warm-up (a CLI run is one call).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int CountNonFinite(ReadOnlySpan<double> values, out int first)
    {
        first = -1;
        int count = 0, i = 0;
        for (; i + Vector<double>.Count <= values.Length; i += Vector<double>.Count)
        {
            var v = new Vector<double>(values[i..]);
            if (Vector.EqualsAll(v - v, Vector<double>.Zero)) continue;
            for (int j = i; j < i + Vector<double>.Count; j++) Tally(values[j], j, ref first, ref count);
        }
        for (; i < values.Length; i++) Tally(values[i], i, ref first, ref count);
        return count;
    }

    static void Tally(double value, int index, ref int first, ref int count)
    {
        if (double.IsFinite(value)) return;
        if (first < 0) first = index;
        count++;
    }

    internal CompiledLaw? Compiled(int law) => compiled[law];

    /// <summary>The structural problem of an invalid law.</summary>
    internal LawProblem StructuralProblem(int law) =>
        Problems.FirstOrDefault(p => p.Law == Laws[law].Name)
        ?? new LawProblem(Laws[law].Name, LawProblemKind.DuplicateName, "another law of the same name comes first");
}
