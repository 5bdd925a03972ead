using System.Collections.Immutable;
using CptLang.Laws.Areas;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Fitting.Uncertainty;

/// <summary>One term of an objective with its law's fitted parameters and their uncertainty.</summary>
public sealed record UncertainTerm(string Law, double Weight, LawParameters Point, ParameterUncertainty Uncertainty);

/// <summary>A law's final loss on the recommended run and its interval.</summary>
public sealed record LossInterval(string Law, double Loss, double Lower, double Upper);

/// <summary>What the parameters' uncertainty says about a sweep's recommendation (docs/optimize.md).</summary>
/// <param name="Losses">Each objective law's final loss on the recommended run, with its interval.</param>
/// <param name="Objective">The objective's interval on the recommended run (point, lower, upper).</param>
/// <param name="BeatsRunnerUp">The share of joint samples in which the recommendation's objective
/// is lower than the runner-up's (ties count half); null without a runner-up.</param>
public sealed record CandidateComparison(double Level, int Samples, ImmutableArray<LossInterval> Losses,
    LossInterval Objective, double? BeatsRunnerUp)
{
    /// <summary>The objective <c>Σ w·L(end)</c> of both runs under the same joint parameter samples
    /// (common random numbers: uncertainty the two runs share, such as <c>L0</c>, cancels from
    /// the comparison). The intervals are for the laws' values, not for a logged point: a sweep
    /// compares expected losses, so the observation noise is left out.</summary>
    public static CandidateComparison Compare(IReadOnlyList<UncertainTerm> terms, EvaluationPlan recommended, EvaluationPlan? runnerUp,
        double level, int samples = IntervalPredictor.DefaultSamples, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(recommended);
        var recommendedAreas = new ScheduleAreas(recommended);
        var runnerUpAreas = runnerUp is null ? null : new ScheduleAreas(runnerUp);
        var objective = new double[samples];
        var rival = new double[samples];
        double objectivePoint = 0, objectiveCentre = 0;
        var losses = ImmutableArray.CreateBuilder<LossInterval>();
        for (int k = 0; k < terms.Count; k++)
        {
            var term = terms[k];
            // each law draws its own samples (the laws were fitted apart), the same for both runs
            var draws = term.Uncertainty.Draw(term.Point, samples, seed + k) with { Noise = 0 };
            var logs = IntervalPredictor.SampleLogs(recommendedAreas, term.Law, term.Point, draws, [recommended.TotalSteps], out var centre);
            double point = new LossPredictor(recommendedAreas, [new ParametricLaw(term.Law, term.Point)]).LossAt(0, recommended.TotalSteps)
                .TryGetValue(out double value) ? value : Math.Exp(centre[0]);
            var column = logs.Select(l => l[0]).Order().ToArray();
            losses.Add(new LossInterval(term.Law, point, point * Math.Exp(Quantiles.Of(column, (1 - level) / 2) - centre[0]),
                point * Math.Exp(Quantiles.Of(column, (1 + level) / 2) - centre[0])));
            objectivePoint += term.Weight * point;
            objectiveCentre += term.Weight * Math.Exp(centre[0]);
            for (int j = 0; j < samples; j++) objective[j] += term.Weight * Math.Exp(logs[j][0]);
            if (runnerUpAreas is not null)
            {
                var other = IntervalPredictor.SampleLogs(runnerUpAreas, term.Law, term.Point, draws, [runnerUp!.TotalSteps], out _);
                for (int j = 0; j < samples; j++) rival[j] += term.Weight * Math.Exp(other[j][0]);
            }
        }
        double? beats = null;
        if (runnerUpAreas is not null)
        {
            double wins = 0;
            for (int j = 0; j < samples; j++) wins += objective[j] < rival[j] ? 1 : objective[j] == rival[j] ? 0.5 : 0;
            beats = wins / samples;
        }
        var sorted = objective.Order().ToArray();
        var interval = new LossInterval("objective", objectivePoint,
            objectivePoint + Quantiles.Of(sorted, (1 - level) / 2) - objectiveCentre, objectivePoint + Quantiles.Of(sorted, (1 + level) / 2) - objectiveCentre);
        return new CandidateComparison(level, samples, losses.ToImmutable(), interval, beats);
    }
}
