using System.Collections.Immutable;
using CptLang.Binding;
using CptLang.Laws.Laws;
using CptLang.Laws.Planning;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Lowering;

/// <summary>A sweep lowered for the optimiser, with the syntax its reports point at.</summary>
public sealed record SweepPlan(string Run, SweepDeclarationSyntax Syntax, SweepProblem Problem);

/// <summary>Bound sweep → <see cref="SweepProblem"/> over the family of its run's plan.</summary>
internal static class SweepLowerer
{
    public static SweepPlan Lower(BoundSweep sweep, EvaluationPlan plan, ImmutableArray<LawDefinition> laws) =>
        new(sweep.Run, sweep.Syntax, new SweepProblem(new RunFamily(plan), sweep.Axes, laws, sweep.Objective, sweep.Constraints));
}
