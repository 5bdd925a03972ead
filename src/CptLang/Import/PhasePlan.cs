using CptLang.Laws.Schedules;
using CptLang.Syntax;
using CptLang.Syntax.Factory;

namespace CptLang.Import;

/// <summary>
/// Phases as a framework lays them out, cut or extended to the run's length: a run that ends
/// inside a stable phase shortens it; one that ends inside a warmup or decay cannot be written
/// (cptc's warmups and decays always reach their end value), and steps past the schedule hold
/// the framework's final LR (null, with CPT4211 in the settings, for a run that cannot be written).
/// </summary>
internal sealed class PhasePlan(SettingBag settings)
{
    readonly List<(string Kind, long Steps, Func<long, SourcePhase> Phase, Func<long, SourcePhase>? Cut)> _phases = [];

    public void Lead(double lr) => Stable(1, lr);
    public void Stable(long steps, double lr)
    {
        SourcePhase Phase(long n) => new SourcePhase.Stable(n, lr);
        if (steps > 0) _phases.Add(("stable", steps, Phase, Phase));
    }
    public void Warmup(long steps, double from, double to, Shape shape) =>
        _phases.Add(("warmup", steps, n => new SourcePhase.Warmup(n, from, to, shape), null));

    /// <summary>A decay; a linear one cut after <c>n</c> of its steps is still a linear decay, to the LR it had reached.</summary>
    public void Decay(long steps, double from, double to, Shape shape) =>
        _phases.Add(("decay", steps, n => new SourcePhase.Decay(n, null, to, shape),
            shape == Shape.Linear ? n => new SourcePhase.Decay(n, null, from + (to - from) * n / steps, Shape.Linear) : null));

    /// <summary>The phases for a run of <paramref name="total"/> updates that ends at
    /// <paramref name="finalLr"/> (<paramref name="last"/> is the LR the laid-out phases end at).</summary>
    public List<SourcePhase>? For(long total, double last, double finalLr, string setting)
    {
        var phases = new List<SourcePhase>();
        long covered = 0;
        foreach (var (kind, steps, phase, cut) in _phases)
        {
            if (covered + steps > total)
            {
                if (total == covered) return phases;
                if (cut is null)
                {
                    settings.NotExpressible($"{setting} ends the run inside the {kind}, which in .cpt always runs to its end value",
                        $"give {setting} as {covered + steps} (the step where the {kind} ends) or more");
                    return null;
                }
                phases.Add(cut(total - covered));
                return phases;
            }
            phases.Add(phase(steps));
            covered += steps;
        }
        if (covered < total)
        {
            if (finalLr != last) phases.Add(new SourcePhase.Drop(finalLr));
            phases.Add(new SourcePhase.Stable(total - covered, finalLr));
        }
        return phases;
    }
}
