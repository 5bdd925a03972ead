namespace CptLang.Export;

/// <summary>What <c>cptc export</c> writes: a per-step LR table (any framework) or one
/// framework's own scheduler settings.</summary>
public enum ExportTarget { Csv, Json, Npy, Hf, Megatron, Torchtitan }

public static class ExportTargets
{
    public static IReadOnlyList<string> Names { get; } = ["csv", "json", "npy", "hf", "megatron", "torchtitan"];

    public static bool TryParse(string name, out ExportTarget target)
    {
        int index = Names.ToList().IndexOf(name);
        target = (ExportTarget)Math.Max(index, 0);
        return index >= 0;
    }

    public static string Name(this ExportTarget target) => Names[(int)target];

    /// <summary>True for the targets that write a framework's scheduler settings.</summary>
    public static bool IsFramework(this ExportTarget target) => target >= ExportTarget.Hf;
}
