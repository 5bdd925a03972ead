using CptLang.Laws.Derived;
using CptLang.Laws.Schedules;

namespace CptLang.Predicting;

/// <summary>The steps a reader of the summary table wants to see, each with what happens there:
/// the start, the end of every phase, the switch and the first step after it, the peak of the
/// general-domain loss, the step where it is back at its switch value, and the end.</summary>
public static class KeySteps
{
    public static IReadOnlyList<(long Step, string Label)> Of(EvaluationPlan plan, DerivedReport derived)
    {
        var labels = new SortedDictionary<long, List<string>>();
        void Add(long step, string label)
        {
            if (step < 1 || step > plan.TotalSteps) return;
            if (!labels.TryGetValue(step, out var list)) labels[step] = list = [];
            list.Add(label);
        }

        if (plan.Segments.IsEmpty) return [];
        Add(1, $"start: {PhaseName(plan.Segments[0])}");
        foreach (var segment in plan.Segments)
        {
            if (segment.LastStep == plan.SwitchStep) Add(segment.LastStep, $"end of {plan.Stages[segment.Stage].Domain}: switch");
            else if (segment.LastStep != plan.TotalSteps) Add(segment.LastStep, $"end of {PhaseName(segment)}");
        }
        if (plan.SwitchStep is { } sw and > 0 && sw < plan.TotalSteps && plan.Continual is { } cpt)
            Add(sw + 1, $"first {cpt.Domain} step: {PhaseName(plan.Segments[plan.SegmentIndexOf(sw + 1)])}");
        if (derived.Peak is { } peak && peak.Loss > peak.SwitchLoss) Add(peak.Step, $"{peak.Law} peaks");
        if (derived.Turning is { Outcome: TurningOutcome.Within, Step: { } back } turning) Add(back, $"{turning.Law} back at its switch value");
        Add(plan.TotalSteps, "end");
        return labels.Select(kv => (kv.Key, string.Join("; ", kv.Value))).ToList();
    }

    static string PhaseName(Segment segment) => segment.Phase.ToString().ToLowerInvariant();
}
