using System.Collections.Immutable;
using CptLang.Laws.Derived;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Planning;

/// <summary>
/// Evaluates one candidate in O(segments) plus the turning-length search: build its plan,
/// compile the laws for it, read every needed loss at the end, search the turning length of the
/// general-domain loss, check the constraints. Stateless; safe to call from many threads.
/// </summary>
public sealed class CandidateEvaluator(SweepProblem problem)
{
    readonly bool needsTurning = problem.Constraints.Any(c => c is TurningLengthConstraint);

    public SweepProblem Problem { get; } = problem;

    /// <summary>The candidate at <paramref name="values"/> (one per axis); null when the values
    /// leave the run's family or a law cannot be evaluated there (<paramref name="invalid"/> says why).
    /// With <paramref name="complete"/> false the turning length is only searched within the run,
    /// and only when a requirement needs it, and <see cref="CandidateResult.Turning"/> stays null:
    /// the optimiser completes the candidates it reports with <see cref="Complete"/>.</summary>
    public CandidateResult? Evaluate(long index, ReadOnlySpan<double> values, out string? invalid, bool complete = true)
    {
        var choice = Choice.Of(Problem.Axes, values);
        var plan = Problem.Family.Build(choice, out invalid);
        if (plan is null) return null;
        var predictor = new LossPredictor(plan, Problem.Laws);
        long end = plan.TotalSteps;
        try
        {
            var terms = Problem.Objective.Terms;
            var losses = ImmutableArray.CreateBuilder<double>(terms.Length);
            double objective = 0;
            foreach (var term in terms)
            {
                double loss = LossOf(predictor, term.Law, end);
                losses.Add(loss);
                objective += term.Weight * loss;
            }
            int general = predictor.IndexOf(ValidationRole.General), domain = predictor.IndexOf(ValidationRole.Domain);
            double? generalLoss = general >= 0 ? predictor.LossAt(general, end).Value : null;
            double? domainLoss = domain >= 0 ? predictor.LossAt(domain, end).Value : null;
            // a validation loss is positive: a law predicting otherwise does not describe this
            // schedule (e.g. a replay fit far from the ratios it was fitted on), so the candidate
            // is left out rather than recommended for a loss that cannot happen
            for (int i = 0; i < terms.Length; i++)
                if (!(losses[i] > 0)) { invalid = NonPositive(terms[i].Law, losses[i]); return null; }
            if (generalLoss is <= 0) { invalid = NonPositive(predictor.Laws[general].Name, generalLoss.Value); return null; }
            if (domainLoss is <= 0) { invalid = NonPositive(predictor.Laws[domain].Name, domainLoss.Value); return null; }
            // the general loss's curve after the switch: for the turning length of a reported
            // candidate, and for the requirements that need more than the end point
            bool needsCurve = complete || needsTurning || Problem.Constraints.Any(c => c is LossConstraint { Always: true });
            ContinualCurve? curve = needsCurve && general >= 0 && predictor.Laws[general].IsValid ? DerivedQuantities.CurveOf(predictor, general) : null;
            var turning = curve is not null && complete ? TurningLength.Find(curve) : null;
            long? withinRun = turning is not null ? WithinRunOf(turning) : curve is not null && needsTurning ? TurningLength.WithinRun(curve) : null;

            double violation = 0;
            var violations = ImmutableArray.CreateBuilder<string>();
            foreach (var constraint in Problem.Constraints)
            {
                double excess = Excess(constraint, predictor, plan.Continual!.Length, general >= 0 && predictor.Laws[general].IsValid, withinRun, curve);
                if (excess > 0)
                {
                    violation += excess;
                    violations.Add(constraint.Describe());
                }
            }
            return new CandidateResult(index, [.. values], objective, losses.MoveToImmutable(), generalLoss, domainLoss,
                turning, Derived.LossPotential.Of(plan)?.Value, plan.Continual!.Length, violation, violations.ToImmutable());
        }
        catch (LawEvaluationException e)
        {
            invalid = e.Problem.Message;
            return null;
        }
    }

    /// <summary>Samples that estimate by how much a "never above" requirement is missed.</summary>
    const int PeakSamples = 32;

    static string NonPositive(string law, double loss) =>
        $"law '{law}' predicts a loss of {loss.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} at the end, which no run can reach (the law does not describe this schedule)";

    static double LossOf(LossPredictor predictor, string law, long step)
    {
        int i = predictor.IndexOf(law);
        if (i < 0) throw new InvalidOperationException($"the objective names law '{law}', which the file does not declare");
        return predictor.LossAt(i, step).Value;
    }

    /// <summary>How far a candidate misses a constraint, relative to the bound (0 when met).</summary>
    /// <summary><see cref="CandidateEvaluator.Evaluate"/> again, completely (for a reported candidate).</summary>
    public CandidateResult Complete(CandidateResult candidate)
    {
        if (candidate.Turning is not null) return candidate;
        return Evaluate(candidate.Index, candidate.Values.AsSpan(), out string? invalid, complete: true)
            ?? throw new InvalidOperationException($"candidate {candidate.Index} no longer evaluates: {invalid}");
    }

    /// <summary>The within-run turning length of a full result, in <see cref="TurningLength.WithinRun"/>'s terms.</summary>
    static long? WithinRunOf(TurningLength t) => t.Outcome switch
    {
        TurningOutcome.NoRise => null,
        TurningOutcome.Within => t.ContinualSteps,
        _ => -1,
    };

    double Excess(Constraint constraint, LossPredictor predictor, long cptSteps, bool hasGeneral, long? turning, ContinualCurve? generalCurve)
    {
        long end = predictor.Plan.TotalSteps;
        switch (constraint)
        {
            case LossConstraint { Always: false } c:
                return Relative(LossOf(predictor, c.Law, end), c.Max);
            case LossConstraint c:
            {
                int law = predictor.IndexOf(c.Law);
                var curve = generalCurve is not null && predictor.Laws[law].Role == ValidationRole.General
                    ? generalCurve : DerivedQuantities.CurveOf(predictor, law);
                double level = c.Max - curve.SwitchLoss;
                if (level < 0) return Relative(curve.SwitchLoss, c.Max);
                // the first CPT step above the bound; its loss measures how far it is missed
                if (LossSearch.FirstAtLeast(curve, curve.SwitchStep + 1, curve.RunEnd, level + curve.Resolution) is not long above) return 0;
                // how far it is missed only ranks the closest candidates: the highest of a few
                // samples is enough (the exact peak search costs far more than the whole check)
                double highest = curve.Excess(above);
                for (int i = 1; i <= PeakSamples; i++)
                    highest = Math.Max(highest, curve.Excess(above + (curve.RunEnd - above) * i / PeakSamples));
                return Relative(curve.SwitchLoss + highest, c.Max);
            }
            case TurningLengthConstraint c:
                if (!hasGeneral) return 1; // no general-domain law: cannot be checked, never met
                if (turning is not long t) return 0; // never rose
                return t >= 0
                    ? Math.Max(0, (double)(t - c.MaxSteps) / Math.Max(1, c.MaxSteps))
                    : 1 + Math.Max(0, (double)(cptSteps - c.MaxSteps) / Math.Max(1, c.MaxSteps));
            case CptTokensConstraint c:
                return Relative(cptSteps * c.TokensPerStep, c.MaxTokens);
            default:
                throw new ArgumentOutOfRangeException(nameof(constraint), constraint, null);
        }
    }

    static double Relative(double value, double max) => value <= max ? 0 : (value - max) / Math.Max(Math.Abs(max), 1e-300);
}
