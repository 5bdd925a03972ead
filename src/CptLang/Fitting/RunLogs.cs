using CptLang.Diagnostics;
using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Schedules;

namespace CptLang.Fitting;

/// <summary>A run's log checked against the run's schedule: its steps lie in the run (or are step
/// 0, the loss before the first update, which trainers often log and the fit skips:
/// <see cref="WarmupRows"/>), and a logged learning rate matches the scheduled one.</summary>
public static class RunLogs
{
    /// <summary>Relative tolerance for logged learning rates (loggers often write float32).</summary>
    const double LearningRateTolerance = 1e-3;

    /// <summary>The first problem of <paramref name="log"/> against <paramref name="plan"/>, or null.</summary>
    public static Diagnostic? Check(TrainingLog log, EvaluationPlan plan)
    {
        for (int i = 0; i < log.Count; i++)
        {
            long step = log.Steps[i];
            if (step < 0 || step > plan.TotalSteps)
                return DiagnosticBuilder.At(log.StepSpans[i]).LogStepOutsideRun(step, plan.Run, plan.TotalSteps);
        }
        if (log.LearningRates is { } logged)
            for (int i = 0; i < log.Count; i++)
            {
                if (log.Steps[i] == 0) continue; // no update yet: no scheduled LR
                double scheduled = plan.LearningRate(log.Steps[i]);
                double scale = Math.Max(Math.Abs(scheduled), Math.Abs(logged[i]));
                if (Math.Abs(logged[i] - scheduled) > LearningRateTolerance * scale + 1e-15)
                    return DiagnosticBuilder.At(log.LearningRateSpans[i]).LogLearningRateMismatch(log.Steps[i], plan.Run, logged[i], scheduled);
            }
        return null;
    }

    /// <summary>The observations of validation set <paramref name="law"/> in a checked log.</summary>
    public static FitRun Observations(TrainingLog log, ScheduleAreas areas, string law, double? modelSize = null) =>
        FitRun.Create(areas, law, log.Steps, log.Losses, modelSize);
}
