using System.Collections.Immutable;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Derived;

/// <summary>One law's loss at the switch (null when the run has no switch) and at the end.</summary>
public sealed record LawEndpoints(string Law, LossResult? AtSwitch, LossResult AtEnd);

/// <summary>Everything docs/laws.md §5 derives from a run and its laws.</summary>
/// <param name="Laws">Every law's loss at the switch and at the end, in declaration order.</param>
/// <param name="Peak">Highest general-domain loss after the switch (null without a switch, CPT
/// steps, or a law named after the pre-training domain).</param>
/// <param name="Turning">Turning length of the general-domain loss (null likewise).</param>
/// <param name="LossPotential">Null for unknown pre-training.</param>
/// <param name="Problems">Why a quantity is missing when the laws are to blame (structural
/// problems, or a law undefined where a quantity needed it).</param>
/// <param name="Notes">Why a quantity is missing when the run is to blame (no switch, no
/// general-domain law, …), in plain words.</param>
public sealed record DerivedReport(
    ImmutableArray<LawEndpoints> Laws,
    LossPeak? Peak,
    TurningLength? Turning,
    LossPotential? LossPotential,
    ImmutableArray<LawProblem> Problems,
    ImmutableArray<string> Notes);

/// <summary>Computes a <see cref="DerivedReport"/>.</summary>
public static class DerivedQuantities
{
    public static DerivedReport Compute(LossPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        var plan = predictor.Plan;
        var problems = ImmutableArray.CreateBuilder<LawProblem>();
        problems.AddRange(predictor.Problems);
        var notes = ImmutableArray.CreateBuilder<string>();
        if (plan.TotalSteps == 0)
        {
            notes.Add("the run has no steps");
            return new DerivedReport([], null, null, null, problems.ToImmutable(), notes.ToImmutable());
        }

        var endpoints = ImmutableArray.CreateBuilder<LawEndpoints>();
        for (int i = 0; i < predictor.Laws.Length; i++)
        {
            if (!predictor.Laws[i].IsValid) continue;
            var areas = predictor.AreasOf(i);
            LossResult? atSwitch = plan.SwitchStep is long t
                ? predictor.Loss(i, t == 0 ? areas.StateBefore(0, 1).Point : areas.At(t))
                : null;
            var atEnd = predictor.LossAt(i, plan.TotalSteps);
            endpoints.Add(new LawEndpoints(predictor.Laws[i].Name, atSwitch, atEnd));
        }

        LossPeak? peak = null;
        TurningLength? turning = null;
        int general = predictor.IndexOf(ValidationRole.General);
        if (plan.SwitchStep is null)
            notes.Add("the run has no domain switch, so there is no loss peak or turning length");
        else if (general < 0)
            notes.Add($"no law is named after the pre-training domain '{plan.Pretraining?.Domain}', so there is no loss peak or turning length");
        else if (!predictor.Laws[general].IsValid)
            notes.Add($"the general-domain law '{predictor.Laws[general].Name}' cannot be evaluated, so there is no loss peak or turning length");
        else if (predictor.Laws[general].Form == LawForm.MultiPower)
            // the searches bound each term between two steps by its monotone pieces; the MPL
            // loss-drop term is not monotone in the step, so an answer could be wrong
            notes.Add($"the general-domain law '{predictor.Laws[general].Name}' is a Multi-Power Law, for which cptc does not search the loss peak or turning length");
        else
        {
            // an undefined step stops both searches: the first one's problem is reported
            LawProblem? undefined = null;
            if (plan.TotalSteps > plan.SwitchStep) LossPeak.TryFind(predictor, general, out peak, out undefined);
            else notes.Add("the run ends at the switch, so there is no loss peak");
            if (undefined is null) TurningLength.TryFind(predictor, general, out turning, out undefined);
            if (undefined is not null) problems.Add(undefined);
        }

        var lp = Derived.LossPotential.Of(plan);
        if (lp is null)
            notes.Add(plan.SwitchStep == 0
                ? "pre-training is unknown, so there is no loss potential"
                : "pre-training has no positive learning rate, so there is no loss potential");

        return new DerivedReport(endpoints.ToImmutable(), peak, turning, lp, problems.ToImmutable(), notes.ToImmutable());
    }

    internal static ContinualCurve CurveOf(LossPredictor predictor, int law)
    {
        if (predictor.Plan.SwitchStep is null)
            throw new InvalidOperationException($"run '{predictor.Plan.Run}' has no domain switch");
        if (predictor.Compiled(law) is not { } compiled)
            throw new InvalidOperationException($"law '{predictor.Laws[law].Name}' cannot be evaluated: {predictor.StructuralProblem(law).Message}");
        return new ContinualCurve(predictor.AreasOf(law), compiled, predictor.Laws[law].Name);
    }
}
