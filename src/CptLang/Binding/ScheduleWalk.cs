using CptLang.Laws.Schedules;

namespace CptLang.Binding;

/// <summary>
/// Where the binder stands while it walks a run's phases: the last step so far, the LR the next
/// phase starts from, and whether both are still known (after an erroneous phase they are not,
/// and checks that depend on them are skipped rather than cascading).
/// </summary>
internal sealed class ScheduleWalk(double? peakLr, double? tokensPerStep, string run)
{
    public double? PeakLr { get; } = peakLr;
    public double? TokensPerStep { get; } = tokensPerStep;
    public string Run { get; } = run;

    /// <summary>The last step of the phases so far (0 before the first).</summary>
    public long Step { get; set; }
    public bool StepKnown { get; set; } = true;

    /// <summary>CPT2019 was reported: once per run, not again for every later phase.</summary>
    public bool TooLongReported { get; set; }

    /// <summary>The LR the next phase starts from unless it says `from`; peak_lr at first.</summary>
    public double? Lr { get; set; } = peakLr;

    /// <summary>True once a phase with steps has run, so an explicit `from`/`at` can jump.</summary>
    public bool HasPrevious { get; set; }

    public StageKind Stage { get; set; }

    /// <summary>The highest LR of pre-training, for the re-warmup warning.</summary>
    public double PretrainingPeak { get; set; }
}
