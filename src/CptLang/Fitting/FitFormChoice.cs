using CptLang.Diagnostics;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Fitting;

/// <summary>
/// Which form a fit uses, and the options checked against it: the requested form, else the
/// existing block's, else the replay form when a run replays, Eq. 4 when a run switches domain
/// and Eq. 1 when none does. An existing
/// weighted sum (Eq. 6) has its weights fitted unless a form is requested.
/// </summary>
internal sealed record FitFormChoice(FitForm? Form, WeightedSumLaw? Sum, Dictionary<string, double> Fixed, Diagnostic? Error)
{
    public static FitFormChoice Choose(FitRequest request, LawDefinition? existing, IReadOnlyList<EvaluationPlan> plans, Dictionary<string, double> sizes)
    {
        if (request.Form is null && existing is WeightedSumLaw sum)
        {
            if (request.Fixed.Count > 0) return Failed("--fix does not apply to a weighted sum (Eq. 6)", "its weights are fitted by least squares, all of them");
            if (sizes.Count > 0) return Failed("--model-size does not apply to a weighted sum (Eq. 6)", "its weights do not depend on model size; drop --model-size");
            return new(null, sum, [], null);
        }

        var lawForm = request.Form
            ?? (existing as ParametricLaw)?.Parameters.Form
            ?? DefaultFor(plans);
        if (lawForm == LawForm.ModelSize)
        {
            if (request.Logs.FirstOrDefault(s => !sizes.ContainsKey(s.Run)) is { } unsized)
                return Failed($"the model-size form (Eq. 7) needs the model size of run '{unsized.Run}'", $"give one per run: --model-size {unsized.Run}=106M");
            if (request.Fixed.Any(f => f.Name == LawParameterNames.N))
                return Failed("--fix N does not apply: N is each run's model size", "give it with --model-size RUN=SIZE; the block's N is the first fitted run's size");
        }
        else if (sizes.Count > 0)
            return Failed($"--model-size applies to the model-size form (Eq. 7) only, not to {LawForms.Keyword(lawForm)}", "pass --form size to fit across model sizes, or drop --model-size");
        var form = FitForm.For(lawForm);
        var (values, error) = FixedValues(request.Fixed, form);
        return error is null ? new(form, null, values!, null) : Failed(error);
    }

    /// <summary>The form for runs whose law names none: replay when a run replays, Eq. 4 when one
    /// switches domain, else Eq. 1.</summary>
    public static LawForm DefaultFor(IReadOnlyList<EvaluationPlan> plans) =>
        plans.Any(p => p.Continual?.ReplayRatio > 0) ? LawForm.Replay
            : plans.Any(p => p.SwitchStep is not null) ? LawForm.Cpt : LawForm.Annealing;

    /// <summary>The fixed parameters, checked against the form and its search bounds.</summary>
    static (Dictionary<string, double>? Values, Diagnostic? Error) FixedValues(IEnumerable<FixedParameter> fixedParameters, FitForm form)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value, text) in fixedParameters)
        {
            int index = form.Names.IndexOf(name);
            if (name == Binding.PropertyNames.Lambda)
                return (null, Invalid("lambda is not fixed with --fix: it sets the annealing area the law sees, not a term of the law",
                    $"write `lambda = {text}` in the law's block (this law alone) or `lambda {text}` in the .cpt file (every law, docs/laws.md §1), or let the fit choose it with --fit-lambda"));
            if (Binding.PropertyNames.Settings.Contains(name))
                return (null, Invalid($"{name} is a setting of the schedule, not a parameter of the law", $"write `{name} {text}` in the .cpt file (docs/laws.md §1)"));
            if (index < 0)
                return (null, Invalid($"{LawForms.ALaw(form.Form)} has no parameter '{name}'", $"its parameters are {string.Join(" ", form.Names)}"));
            var bound = form.Bounds[index];
            if (!bound.Contains(value))
                return (null, Invalid($"--fix {name}={text} is outside the interval [{DisplayFormat.Number(bound.Lower)}, {DisplayFormat.Number(bound.Upper)}] the fit searches", "fix it to a value inside"));
            if (!values.TryAdd(name, value))
                return (null, Invalid($"--fix gives {name} twice", "give each parameter once"));
        }
        return (values, null);
    }

    static Diagnostic Invalid(string message, string hint) => DiagnosticBuilder.At(default).FitInvalidOption(message, hint);

    static FitFormChoice Failed(string message, string hint) => Failed(Invalid(message, hint));

    static FitFormChoice Failed(Diagnostic error) => new(null, null, [], error);
}
