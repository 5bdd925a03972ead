using CptLang.Laws.Laws;

namespace CptLang.Laws.Fitting;

/// <summary>
/// The Multi-Power Law's loss-drop nodes of every row of a run (<see cref="MultiPowerDrops.Collect"/>),
/// flattened into columns once: they depend on the schedule only. Each row's nodes start at a
/// multiple of four and are padded with weightless nodes, so the fit form evaluates them four at a
/// time without a scalar tail. Nodes at LR 0 (whose <c>G</c> is a limit) are kept apart.
/// </summary>
internal sealed class MultiPowerColumns
{
    public MultiPowerColumns(MultiPowerDrops drops, IReadOnlyList<long> steps)
    {
        var nodes = new MultiPowerNodes();
        var wd = new List<double>();
        var logLr = new List<double>();
        var logD = new List<double>();
        var zero = new List<(int Row, double WeightedDrop, double LogLr, double Distance)>();
        RowStart = new int[steps.Count + 1];
        for (int i = 0; i < steps.Count; i++)
        {
            RowStart[i] = wd.Count;
            drops.Collect(steps[i], nodes);
            for (int j = 0; j < nodes.Count; j++)
            {
                double d = nodes.Distance[j];
                if (d <= 0) continue; // G(0) = 0: no loss drop yet, nor any derivative
                if (double.IsNegativeInfinity(nodes.LogLr[j])) { zero.Add((i, nodes.WeightedDrop[j], nodes.LogLr[j], d)); continue; }
                wd.Add(nodes.WeightedDrop[j]);
                logLr.Add(nodes.LogLr[j]);
                logD.Add(Math.Log(d));
            }
            while (wd.Count % 4 != 0) { wd.Add(0); logLr.Add(0); logD.Add(0); }
        }
        RowStart[steps.Count] = wd.Count;
        WeightedDrop = [.. wd];
        LogLr = [.. logLr];
        LogDistance = [.. logD];
        ZeroLr = [.. zero];
    }

    /// <summary>Row <c>i</c>'s nodes are <c>RowStart[i] .. RowStart[i+1]</c> (a multiple of 4 apart).</summary>
    public int[] RowStart { get; }

    /// <summary><c>w·Δ</c> per node (0 for padding).</summary>
    public double[] WeightedDrop { get; }

    /// <summary><c>ln η</c> per node.</summary>
    public double[] LogLr { get; }

    /// <summary><c>ln S_k(t)</c> per node.</summary>
    public double[] LogDistance { get; }

    /// <summary>Nodes at LR 0, row by row: <c>G</c> is 1 there for any <c>γ &gt; 0</c>.</summary>
    public (int Row, double WeightedDrop, double LogLr, double Distance)[] ZeroLr { get; }

    public int Count => WeightedDrop.Length;
}
