using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Binding;

/// <summary>
/// Whether each law can predict each run (<see cref="RunLawRules"/>): replay needs the replay
/// form (and the replay form a role), unknown pre-training needs the open-model form and only it,
/// and the annealing law does not see a domain switch. Never a silent guess.
/// </summary>
internal static class RunLawChecks
{
    public static void Check(BoundRun run, ImmutableArray<BoundLaw> laws, DiagnosticBag diagnostics)
    {
        var pretraining = run.Pretraining;
        var continual = run.Continual;
        var facts = new RunFacts(pretraining?.Domain, pretraining?.Kind == StageKind.UnknownPretraining, continual?.Domain, continual?.ReplayRatio ?? 0);
        foreach (var law in laws)
        {
            if (law.Definition is not ParametricLaw { Parameters.Form: var form }) continue;
            var at = DiagnosticBuilder.At(law.Syntax.Name.Span);
            foreach (var mismatch in RunLawRules.Mismatches(form, law.Name, facts))
                diagnostics.Add(mismatch switch
                {
                    RunLawMismatch.ReplayNeedsReplayForm => DiagnosticBuilder.At(continual!.ReplaySyntax!.Span).ReplayNeedsReplayLaw(run.Name, continual.ReplayRatio, law.Name),
                    RunLawMismatch.ReplayFormWithoutRole => at.ReplayLawWithoutRole(law.Name, run.Name),
                    RunLawMismatch.OpenFormWithKnownPretraining => at.OpenLawWithKnownPretraining(law.Name, run.Name),
                    RunLawMismatch.UnknownPretrainingNeedsOpenForm => at.UnknownPretrainingNeedsOpenLaw(run.Name, law.Name),
                    RunLawMismatch.AnnealingAcrossSwitch => at.AnnealingLawAcrossSwitch(law.Name, run.Name),
                    _ => throw new ArgumentOutOfRangeException(nameof(mismatch), mismatch, null),
                });
        }
    }
}
