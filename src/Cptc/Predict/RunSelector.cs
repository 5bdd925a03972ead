using CptLang;
using CptLang.Diagnostics;
using CptLang.Laws.Schedules;

namespace Cptc.Predict;

/// <summary>Picks the run a command works on: the one named by --run, or the file's only run.</summary>
public static class RunSelector
{
    public static EvaluationPlan Select(Compilation compilation, string? name)
    {
        var plans = compilation.Plans;
        var names = plans.Select(p => p.Run).ToList();
        var at = DiagnosticBuilder.At(default);
        if (name is not null)
            return plans.FirstOrDefault(p => p.Run == name)
                ?? throw CliException.From(at.UnknownRun($"there is no run '{name}' in {compilation.Text.Path}{Spelling.DidYouMean(name, names)}", names));
        return plans.Length switch
        {
            1 => plans[0],
            0 => throw CliException.From(at.UnknownRun($"{compilation.Text.Path} declares no run", ["(none)"])),
            _ => throw CliException.From(at.UnknownRun($"{compilation.Text.Path} declares {plans.Length} runs; choose one with --run", names)),
        };
    }
}
