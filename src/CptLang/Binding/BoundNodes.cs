using System.Collections.Immutable;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Binding;

/// <summary>A file after binding: names resolved, units converted, defaults applied, steps
/// counted. Only produced for what bound without errors; see <see cref="Compilation"/>.</summary>
public sealed record BoundFile(PlanSettings Settings, ImmutableArray<BoundRun> Runs, ImmutableArray<BoundLaw> Laws, ImmutableArray<BoundSweep> Sweeps,
    ImmutableArray<SweepFamilyCheck> FamilyChecks);

/// <summary>A sweep's axes, to be checked against its run's plan once the run is lowered: the run
/// must belong to a family of CPT runs, and its schedule must have the phases each axis reshapes.</summary>
public sealed record SweepFamilyCheck(BoundRun Run, Text.TextSpan RunSpan, ImmutableArray<(Laws.Planning.AxisKind Kind, Text.TextSpan Span)> Axes);

/// <param name="HasErrors">True when a diagnostic of error severity was reported inside the run.</param>
public sealed record BoundRun(
    RunDeclarationSyntax Syntax, string Name, double PeakLr, double? TokensPerStep,
    PlanSettings Settings, ImmutableArray<BoundStage> Stages, bool HasErrors)
{
    public BoundStage? Pretraining => Stages.FirstOrDefault(s => s.Kind != StageKind.Continual);
    public BoundStage? Continual => Stages.FirstOrDefault(s => s.Kind == StageKind.Continual);
    public IEnumerable<string> Domains => Stages.Select(s => s.Domain);
}

/// <param name="FirstStep">First step of the stage; <see cref="LastStep"/> = FirstStep − 1 when it has none.</param>
public sealed record BoundStage(
    StageSyntax Syntax, StageKind Kind, string Domain, long FirstStep, long LastStep,
    double ReplayRatio, ReplaySyntax? ReplaySyntax, ImmutableArray<BoundPhase> Phases);

public enum BoundPhaseKind { Warmup, Stable, Decay, Drop }

/// <summary>A phase with its steps and LRs resolved. A drop has no steps (LastStep = FirstStep − 1)
/// and only changes the LR the next phase starts from.</summary>
public sealed record BoundPhase(PhaseSyntax Syntax, BoundPhaseKind Kind, long FirstStep, long LastStep, Kernel Kernel)
{
    public long Length => LastStep - FirstStep + 1;
}

/// <summary>A law declaration bound to the law engine's definition.</summary>
public sealed record BoundLaw(LawDeclarationSyntax Syntax, LawDefinition Definition)
{
    public string Name => Definition.Name;

    /// <summary>The fitted parameters' joint uncertainty (the block's <c>uncertainty { … }</c>
    /// part, docs/language.md §7.8), or null when the block has none.</summary>
    public Laws.Fitting.Uncertainty.ParameterUncertainty? Uncertainty { get; init; }
}

/// <summary>A sweep bound to the law engine's axes, objective and constraints.</summary>
public sealed record BoundSweep(
    SweepDeclarationSyntax Syntax, string Run, ImmutableArray<Laws.Planning.SweepAxis> Axes,
    Laws.Planning.Objective Objective, ImmutableArray<Laws.Planning.Constraint> Constraints);
