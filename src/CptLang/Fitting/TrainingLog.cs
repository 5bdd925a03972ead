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
}

/// <summary>Which columns of a log to read.</summary>
/// <param name="Step">The step column (<c>--step-column</c>).</param>
/// <param name="Loss">The loss column (<c>RUN=LOG:COLUMN</c> or <c>--loss-column</c>).</param>
/// <param name="LearningRate">The optional LR column checked against the schedule (<c>--lr-column</c>).</param>
public sealed record LogColumns(string Step, string Loss, string LearningRate);
