namespace CptLang.Export;

/// <summary>What <c>cptc export</c> writes: a per-step LR table (any framework) or one
/// framework's own scheduler settings.</summary>
public enum ExportTarget { Csv, Json, Npy, Hf, Megatron, Torchtitan }

/// <summary>The <c>--target</c> words (docs/cli.md): one table, read both ways.</summary>
public static class ExportTargets
{
    static readonly (ExportTarget Target, string Name)[] Table =
    [
        (ExportTarget.Csv, "csv"), (ExportTarget.Json, "json"), (ExportTarget.Npy, "npy"),
        (ExportTarget.Hf, "hf"), (ExportTarget.Megatron, "megatron"), (ExportTarget.Torchtitan, "torchtitan"),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(t => t.Name)];

    /// <summary>The target called <paramref name="name"/> (exact, case-sensitive).</summary>
    public static bool TryParse(string name, out ExportTarget target)
    {
        foreach (var (t, n) in Table)
            if (string.Equals(n, name, StringComparison.Ordinal)) { target = t; return true; }
        target = default;
        return false;
    }

    public static string Name(this ExportTarget target)
    {
        foreach (var (t, n) in Table) if (t == target) return n;
        throw new ArgumentOutOfRangeException(nameof(target), target, null);
    }

    /// <summary>True for the targets that write a framework's scheduler settings.</summary>
    public static bool IsFramework(this ExportTarget target) =>
        target is ExportTarget.Hf or ExportTarget.Megatron or ExportTarget.Torchtitan;
}
