using CptLang.Diagnostics;
using CptLang.Laws.Schedules;

namespace CptLang;

/// <summary>Picks the run a command works on: the one named (<c>--run</c>, <c>--data RUN=…</c>),
/// or the file's only run.</summary>
public static class RunSelector
{
    /// <returns>The run's plan, or the diagnostic (CPT4003) naming the runs there are.</returns>
    public static (EvaluationPlan? Plan, Diagnostic? Error) Select(Compilation compilation, string? name)
    {
        var plans = compilation.Plans;
        var names = plans.Select(p => p.Run).ToList();
        var at = DiagnosticBuilder.At(default);
        if (name is not null)
            return plans.FirstOrDefault(p => p.Run == name) is { } plan ? (plan, null)
                : (null, at.UnknownRun($"there is no run '{name}' in {compilation.Text.Path}{Spelling.DidYouMean(name, names)}", names));
        return plans.Length switch
        {
            1 => (plans[0], null),
            0 => (null, at.UnknownRun($"{compilation.Text.Path} declares no run", ["(none)"])),
            _ => (null, at.UnknownRun($"{compilation.Text.Path} declares {plans.Length} runs; choose one with --run", names)),
        };
    }
}
