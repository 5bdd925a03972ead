using CptLang;
using CptLang.Diagnostics;
using CptLang.Lowering;

namespace Cptc.Optimize;

/// <summary>Picks the sweep <c>cptc optimize</c> runs: the one of the run named by --run, or the
/// file's only sweep.</summary>
internal static class SweepSelector
{
    /// <remarks>The file's diagnostics are reported for the sweep's run (all of them when none is chosen).</remarks>
    public static SweepPlan Select(Compilation compilation, string? run, Terminal terminal)
    {
        var chosen = Choose(compilation, run);
        terminal.Report(compilation, chosen.Sweep is { } sweep ? [sweep.Run] : null);
        return chosen.Sweep ?? throw chosen.Error!;
    }

    static (SweepPlan? Sweep, CliException? Error) Choose(Compilation compilation, string? run)
    {
        try { return (Pick(compilation, run), null); }
        catch (CliException e) { return (null, e); }
    }

    static SweepPlan Pick(Compilation compilation, string? run)
    {
        var sweeps = compilation.Sweeps;
        var names = sweeps.Select(s => s.Run).ToList();
        var at = DiagnosticBuilder.At(default);
        if (run is not null)
            return sweeps.FirstOrDefault(s => s.Run == run)
                ?? throw CliException.From(at.UnknownSweep($"there is no sweep of run '{run}' in {compilation.Text.Path}{Spelling.DidYouMean(run, names)}", names));
        return sweeps.Length switch
        {
            1 => sweeps[0],
            0 => throw CliException.From(at.UnknownSweep($"{compilation.Text.Path} declares no sweep", names)),
            _ => throw CliException.From(at.UnknownSweep($"{compilation.Text.Path} declares {sweeps.Length} sweeps; choose one with --run", names)),
        };
    }
}
