using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Schedules;

namespace CptLang.Predicting;

/// <summary>
/// Which steps of a run a prediction reports: the default sample (about
/// <see cref="StepSampler.DefaultPoints"/> steps plus every phase boundary), the steps asked for,
/// or every N-th step. <see cref="KeySteps"/> adds the steps a summary table labels (phase ends,
/// the switch, the peak, the turning point), found once the derived quantities are known.
/// </summary>
public sealed record StepSelection
{
    StepSelection(ImmutableArray<long>? steps, long? interval, bool keySteps)
    {
        Steps = steps;
        Interval = interval;
        KeySteps = keySteps;
    }

    /// <summary>The requested steps (<c>--at</c>), or null.</summary>
    public ImmutableArray<long>? Steps { get; }

    /// <summary>N of every N-th step (<c>--every</c>), or null.</summary>
    public long? Interval { get; }

    /// <summary>Also evaluate and label the key steps of the run.</summary>
    public bool KeySteps { get; }

    public bool IsDefault => Steps is null && Interval is null;

    public static StepSelection Default(bool keySteps = false) => new(null, null, keySteps);

    public static StepSelection At(IEnumerable<long> steps) => new([.. steps], null, false);

    public static StepSelection Every(long interval) => new(null, interval, false);

    /// <summary>A step list such as <c>1000,40k,50000</c> (the language's numbers, k/M/B suffixes),
    /// or the diagnostic that says which entry is not a step.</summary>
    public static (StepSelection? Selection, Diagnostic? Error) ParseAt(string text)
    {
        var steps = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (StepList.ParseStep(part) is not { } step) return (null, DiagnosticBuilder.At(default).InvalidStep(part));
            steps.Add(step);
        }
        if (steps.Count == 0) return (null, DiagnosticBuilder.At(default).InvalidStep(text));
        return (At(steps), null);
    }

    /// <summary>An interval such as <c>1000</c> or <c>5k</c> (<c>--every</c>), or the diagnostic
    /// that says why it is not one.</summary>
    public static (StepSelection? Selection, Diagnostic? Error) ParseEvery(string text) =>
        StepList.ParseStep(text.Trim()) is { } n and > 0 ? (Every(n), null)
            : (null, DiagnosticBuilder.At(default).InvalidOptionValue("--every", text, "give a positive whole number of steps, e.g. --every 1000 or --every 5k"));

    /// <summary>The steps of <paramref name="plan"/> to evaluate, sorted and unique (key steps
    /// not included), or the diagnostic that says why the selection does not fit the run.</summary>
    public (long[]? Steps, Diagnostic? Error) Resolve(EvaluationPlan plan)
    {
        if (Steps is { } steps) return StepSampler.At(plan, steps);
        if (Interval is { } every) return StepSampler.Every(plan, every);
        return (StepSampler.Default(plan), null);
    }
}
