namespace CptLang.Laws.Tests.Support;

/// <summary>How many random cases a property test draws: the default keeps the suite to
/// seconds; <c>CPTC_PROPERTY_SCALE=20</c> (say) runs twenty times as many for a deeper check.</summary>
internal static class PropertyRuns
{
    static readonly int Scale =
        int.TryParse(Environment.GetEnvironmentVariable("CPTC_PROPERTY_SCALE"), out int s) && s > 0 ? s : 1;

    public static int Iterations(int baseline) => baseline * Scale;
}
