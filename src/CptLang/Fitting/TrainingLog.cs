using CptLang.Text;

namespace CptLang.Fitting;

/// <summary>
/// One training log as read: the observed loss of one validation set at each logged step, the
/// logged learning rate when the log has one, and where each row is in the file (for
/// diagnostics that name file, line and column). Steps are ascending and unique, losses
/// positive and finite (<see cref="LogReader"/> checks).
/// </summary>
public sealed record TrainingLog(SourceText Text, long[] Steps, double[] Losses, double[]? LearningRates, TextSpan[] StepSpans, TextSpan[] LearningRateSpans)
{
    public int Count => Steps.Length;

    /// <summary>The first row at or after <paramref name="step"/> (<see cref="Count"/> when none).</summary>
    public int FirstRowAt(long step) => Array.FindIndex(Steps, s => s >= step) is var i and >= 0 ? i : Count;

    /// <summary>This log from row <paramref name="first"/> on (rows the fit leaves out come first:
    /// step 0, an initial warmup, or with <c>--after-switch</c> the pre-training).</summary>
    public TrainingLog From(int first) => first == 0 ? this : this with
    {
        Steps = Steps[first..],
        Losses = Losses[first..],
        LearningRates = LearningRates?[first..],
        StepSpans = StepSpans[first..],
        LearningRateSpans = LearningRateSpans.Length == 0 ? LearningRateSpans : LearningRateSpans[first..],
    };
}

/// <summary>Which columns of a log to read.</summary>
/// <param name="Step">The step column (<c>--step-column</c>).</param>
/// <param name="Loss">The loss column (<c>RUN=LOG:COLUMN</c> or <c>--loss-column</c>).</param>
/// <param name="LearningRate">The optional LR column checked against the schedule (<c>--lr-column</c>).</param>
public sealed record LogColumns(string Step, string Loss, string LearningRate);
