using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Binding;

/// <summary>
/// Whether each law can predict each run: replay needs the replay form (and the replay form a
/// role), unknown pre-training needs the open-model form and only it, and the annealing law does
/// not see a domain switch. Never a silent guess.
/// </summary>
internal static class RunLawChecks
{
    public static void Check(BoundRun run, ImmutableArray<BoundLaw> laws, DiagnosticBag diagnostics)
    {
        var pretraining = run.Pretraining;
        var continual = run.Continual;
        foreach (var law in laws)
        {
            if (law.Definition is not ParametricLaw { Parameters.Form: var form }) continue;
            var at = DiagnosticBuilder.At(law.Syntax.Name.Span);

            if (continual is { ReplayRatio: > 0 } && form != LawForm.Replay)
                diagnostics.Add(DiagnosticBuilder.At(continual.ReplaySyntax!.Span).ReplayNeedsReplayLaw(run.Name, continual.ReplayRatio, law.Name));
            if (continual is not null && form == LawForm.Replay && ValidationRoles.Of(law.Name, pretraining?.Domain, continual.Domain) == ValidationRole.Unspecified)
                diagnostics.Add(at.ReplayLawWithoutRole(law.Name, run.Name));

            bool unknownPretraining = pretraining?.Kind == StageKind.UnknownPretraining;
            if (form == LawForm.OpenModel && !unknownPretraining)
                diagnostics.Add(at.OpenLawWithKnownPretraining(law.Name, run.Name));
            if (unknownPretraining && form != LawForm.OpenModel)
                diagnostics.Add(at.UnknownPretrainingNeedsOpenLaw(run.Name, law.Name));
            if (form == LawForm.Annealing && continual is not null)
                diagnostics.Add(at.AnnealingLawAcrossSwitch(law.Name, run.Name));
        }
    }
}
