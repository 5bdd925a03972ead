using CptLang.Laws.Laws;
using CptLang.Laws.Presets;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Tests.Support;

/// <summary>Law sets for the tests, named after the plans' domains so that roles resolve.</summary>
internal static class TestLaws
{
    /// <summary>The Fig. 3 pair: FineWeb (general) and Knowledge-Pile (domain).</summary>
    public static LawDefinition[] Fig3 =>
    [
        new ParametricLaw(Plans.General, PaperPresets.Get("paper.fig3.general").ToParameters()),
        new ParametricLaw(Plans.Domain, PaperPresets.Get("paper.fig3.domain").ToParameters()),
    ];

    public static LossPredictor Fig3Predictor(EvaluationPlan plan) => new(plan, Fig3);
}
