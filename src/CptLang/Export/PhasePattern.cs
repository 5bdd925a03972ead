using CptLang.Binding;
using CptLang.Diagnostics;

namespace CptLang.Export;

/// <summary>
/// A stage read as the one shape every framework scheduler has: an optional one-step lead at the
/// warmup's start LR, a warmup, stable steps, one decay, and stable steps at the decay's end.
/// Anything else (a drop inside the stage, a second warmup or decay, a phase after the tail) is
/// reported at the phase that breaks the shape.
/// </summary>
public sealed record PhasePattern(
    BoundPhase? Lead, BoundPhase? Warmup, IReadOnlyList<BoundPhase> Stables, BoundPhase? Decay, IReadOnlyList<BoundPhase> Tail)
{
    /// <summary>The stage's local step where the decay starts (1-based), or 0.</summary>
    public long DecayFirstLocal(StageSchedule stage) => Decay is null ? 0 : stage.Local(Decay.FirstStep);

    public static PhasePattern? Read(StageSchedule stage, string target, DiagnosticBag diagnostics)
    {
        BoundPhase? lead = null, warmup = null, decay = null;
        var stables = new List<BoundPhase>();
        var tail = new List<BoundPhase>();
        var phases = stage.Bound.Phases;
        int errors = diagnostics.ErrorCount;
        for (int i = 0; i < phases.Length; i++)
        {
            var phase = phases[i];
            var at = DiagnosticBuilder.At(phase.Syntax.Span);
            switch (phase.Kind)
            {
                // a drop only matters if a phase of this stage follows it (at the end it sets the next stage's start)
                case BoundPhaseKind.Drop when phases.Skip(i + 1).Any(p => p.Length > 0):
                    diagnostics.Add(at.PhaseNotExpressible(target, "drop", "it changes the LR instantly, and the scheduler's LR is continuous", "write the two levels as separate runs, or use --target csv"));
                    break;
                case BoundPhaseKind.Drop:
                    break;
                case BoundPhaseKind.Warmup when warmup is null && decay is null && stables.Count == 0:
                    warmup = phase;
                    break;
                case BoundPhaseKind.Warmup:
                    diagnostics.Add(at.PhaseNotExpressible(target, "warmup", "a framework schedule has one warmup, at its start", "split the stage, or use --target csv"));
                    break;
                // a one-step stable right before the warmup is the framework's first update at the warmup's start LR
                case BoundPhaseKind.Stable when phase.Length == 1 && warmup is null && decay is null && stables.Count == 0 && lead is null
                                                && i + 1 < phases.Length && phases[i + 1].Kind == BoundPhaseKind.Warmup:
                    lead = phase;
                    break;
                case BoundPhaseKind.Stable when decay is null:
                    stables.Add(phase);
                    break;
                case BoundPhaseKind.Stable:
                    tail.Add(phase);
                    break;
                case BoundPhaseKind.Decay when decay is null:
                    decay = phase;
                    break;
                default:
                    diagnostics.Add(at.PhaseNotExpressible(target, "decay", "a framework schedule has one decay", "split the stage, or use --target csv"));
                    break;
            }
        }
        return diagnostics.ErrorCount > errors ? null : new PhasePattern(lead, warmup, stables, decay, tail);
    }
}
