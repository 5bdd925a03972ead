using static CptLang.Import.PhaseText;

namespace CptLang.Import;

/// <summary>
/// Phases as a framework lays them out, cut or extended to the run's length: a run that ends
/// inside a stable phase shortens it; one that ends inside a warmup or decay cannot be written
/// (cptc's warmups and decays always reach their end value), and steps past the schedule hold
/// the framework's final LR.
/// </summary>
internal sealed class PhasePlan(SettingBag settings)
{
    readonly List<(string Kind, long Steps, Func<long, string> Text, Func<long, string>? Cut)> _phases = [];

    public void Lead(double lr) => Stable(1, lr);
    public void Stable(long steps, double lr)
    {
        string Text(long n) => $"stable {Steps(n)} at {Lr(lr)}";
        if (steps > 0) _phases.Add(("stable", steps, Text, Text));
    }
    public void Warmup(long steps, double from, double to, string shape) =>
        _phases.Add(("warmup", steps, n => $"warmup {Steps(n)} from {Lr(from)} to {Lr(to)} {shape}", null));

    /// <summary>A decay; a linear one cut after <c>n</c> of its steps is still a linear decay, to the LR it had reached.</summary>
    public void Decay(long steps, double from, double to, string shape) =>
        _phases.Add(("decay", steps, n => $"decay {Steps(n)} to {Lr(to)} {shape}",
            shape == "linear" ? n => $"decay {Steps(n)} to {Lr(from + (to - from) * n / steps)} linear" : null));

    /// <summary>The phase texts for a run of <paramref name="total"/> updates that ends at
    /// <paramref name="finalLr"/> (<paramref name="last"/> is the LR the laid-out phases end at).</summary>
    public List<string> For(long total, double last, double finalLr, string setting)
    {
        var texts = new List<string>();
        long covered = 0;
        foreach (var (kind, steps, text, cut) in _phases)
        {
            if (covered + steps > total)
            {
                if (total == covered) return texts;
                if (cut is null)
                    throw new ImportException(Diagnostics.DiagnosticBuilder.At(default).ImportNotExpressible(settings.Framework,
                        $"{setting} ends the run inside the {kind}, which in .cpt always runs to its end value",
                        $"give {setting} as {covered + steps} (the step where the {kind} ends) or more"));
                texts.Add(cut(total - covered));
                return texts;
            }
            texts.Add(text(steps));
            covered += steps;
        }
        if (covered < total)
        {
            if (finalLr != last) texts.Add($"drop to {Lr(finalLr)}");
            texts.Add($"stable {Steps(total - covered)} at {Lr(finalLr)}");
        }
        return texts;
    }
}
