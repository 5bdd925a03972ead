using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Text;

namespace CptLang.Binding;

/// <summary>
/// Whether each law can predict each run (<see cref="RunLawRules"/>): replay needs the replay
/// form (and the replay form a role), unknown pre-training needs the open-model form and only it,
/// and the annealing law does not see a domain switch. Never a silent guess.
/// </summary>
internal static class RunLawChecks
{
    /// <summary>The error a command that evaluates the run reports for <paramref name="mismatch"/>.</summary>
    public static Diagnostic Error(RunLawMismatch mismatch, string law, string run, double replayRatio, TextSpan span = default)
    {
        var at = DiagnosticBuilder.At(span);
        return mismatch switch
        {
            RunLawMismatch.ReplayNeedsReplayForm => at.ReplayNeedsReplayLaw(run, replayRatio, law),
            RunLawMismatch.ReplayFormWithoutRole => at.ReplayLawWithoutRole(law, run),
            RunLawMismatch.OpenFormWithKnownPretraining => at.OpenLawWithKnownPretraining(law, run),
            RunLawMismatch.UnknownPretrainingNeedsOpenForm => at.UnknownPretrainingNeedsOpenLaw(run, law),
            _ => throw new ArgumentOutOfRangeException(nameof(mismatch), mismatch, null),
        };
    }

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
            {
                // a law that cannot predict a run is an error only for a command that evaluates
                // that run (LawDiagnostics); the file itself may hold laws for other runs
                var diagnostic = mismatch == RunLawMismatch.AnnealingAcrossSwitch
                    ? at.AnnealingLawAcrossSwitch(law.Name, run.Name, LawBinder.FormName(form)) with { Run = run.Name }
                    : (mismatch == RunLawMismatch.ReplayNeedsReplayForm ? DiagnosticBuilder.At(continual!.ReplaySyntax!.Span) : at)
                        .LawCannotPredictRun(run.Name, Error(mismatch, law.Name, run.Name, continual?.ReplayRatio ?? 0));
                diagnostics.Add(diagnostic);
            }
        }
    }
}
