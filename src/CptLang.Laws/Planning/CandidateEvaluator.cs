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
        var terms = Problem.Objective.Terms;
        var losses = ImmutableArray.CreateBuilder<double>(terms.Length);
        double objective = 0;
        foreach (var term in terms)
        {
            if (!Defined(predictor.LossAt(LawIndex(predictor, term.Law), end), out double loss, out invalid)) return null;
            losses.Add(loss);
            objective += term.Weight * loss;
        }
        int general = predictor.IndexOf(ValidationRole.General), domain = predictor.IndexOf(ValidationRole.Domain);
        double? generalLoss = null, domainLoss = null;
        if (general >= 0)
        {
            if (!Defined(predictor.LossAt(general, end), out double loss, out invalid)) return null;
            generalLoss = loss;
        }
        if (domain >= 0)
        {
            if (!Defined(predictor.LossAt(domain, end), out double loss, out invalid)) return null;
            domainLoss = loss;
        }
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
        if (curve?.Problem is { } undefined) { invalid = undefined.Message; return null; }

        double violation = 0;
        var violations = ImmutableArray.CreateBuilder<string>();
        foreach (var constraint in Problem.Constraints)
        {
            if (!TryExcess(constraint, predictor, plan.Continual!.Length, general >= 0 && predictor.Laws[general].IsValid, withinRun, curve, out double excess, out invalid))
                return null;
            if (excess > 0)
            {
                violation += excess;
                violations.Add(constraint.Describe());
            }
        }
        return new CandidateResult(index, [.. values], objective, losses.MoveToImmutable(), generalLoss, domainLoss,
            turning, Derived.LossPotential.Of(plan)?.Value, plan.Continual!.Length, violation, violations.ToImmutable());
    }

    /// <summary>Samples that estimate by how much a "never above" requirement is missed.</summary>
    const int PeakSamples = 32;

    static string NonPositive(string law, double loss) =>
        $"law '{law}' predicts a loss of {loss.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} at the end, which no run can reach (the law does not describe this schedule)";

    static int LawIndex(LossPredictor predictor, string law)
    {
        int i = predictor.IndexOf(law);
        if (i < 0) throw new InvalidOperationException($"the objective names law '{law}', which the file does not declare");
        return i;
    }

    /// <summary>The loss, or false with why there is none in <paramref name="invalid"/>.</summary>
    static bool Defined(LossResult result, out double loss, out string? invalid)
    {
        invalid = result.Problem?.Message;
        return result.TryGetValue(out loss);
    }

    /// <summary>The curve's first undefined step, as <see cref="Defined"/> reports it.</summary>
    static bool Defined(ContinualCurve curve, out string? invalid)
    {
        invalid = curve.Problem?.Message;
        return curve.Problem is null;
    }

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

    /// <summary>How far a candidate misses a constraint, relative to the bound (0 when met);
    /// false, with why in <paramref name="invalid"/>, when a law it reads is undefined.</summary>
    bool TryExcess(Constraint constraint, LossPredictor predictor, long cptSteps, bool hasGeneral, long? turning, ContinualCurve? generalCurve,
        out double excess, out string? invalid)
    {
        long end = predictor.Plan.TotalSteps;
        invalid = null;
        excess = 0;
        switch (constraint)
        {
            case LossConstraint { Always: false } c:
                if (!Defined(predictor.LossAt(LawIndex(predictor, c.Law), end), out double loss, out invalid)) return false;
                excess = Relative(loss, c.Max);
                return true;
            case LossConstraint c:
            {
                int law = predictor.IndexOf(c.Law);
                var curve = generalCurve is not null && predictor.Laws[law].Role == ValidationRole.General
                    ? generalCurve : DerivedQuantities.CurveOf(predictor, law);
                if (!Defined(curve, out invalid)) return false;
                double level = c.Max - curve.SwitchLoss;
                if (level < 0) { excess = Relative(curve.SwitchLoss, c.Max); return true; }
                // the first CPT step above the bound; its loss measures how far it is missed
                long? above = LossSearch.FirstAtLeast(curve, curve.SwitchStep + 1, curve.RunEnd, level + curve.Resolution);
                if (!Defined(curve, out invalid)) return false;
                if (above is not long first) return true;
                // how far it is missed only ranks the closest candidates: the highest of a few
                // samples is enough (the exact peak search costs far more than the whole check)
                double highest = curve.Excess(first);
                for (int i = 1; i <= PeakSamples && curve.Problem is null; i++)
                    highest = Math.Max(highest, curve.Excess(first + (curve.RunEnd - first) * i / PeakSamples));
                if (!Defined(curve, out invalid)) return false;
                excess = Relative(curve.SwitchLoss + highest, c.Max);
                return true;
            }
            case TurningLengthConstraint c:
                if (!hasGeneral) excess = 1; // no general-domain law: cannot be checked, never met
                else if (turning is not long t) excess = 0; // never rose
                else excess = t >= 0
                    ? Math.Max(0, (double)(t - c.MaxSteps) / Math.Max(1, c.MaxSteps))
                    : 1 + Math.Max(0, (double)(cptSteps - c.MaxSteps) / Math.Max(1, c.MaxSteps));
                return true;
            case CptTokensConstraint c:
                excess = Relative(cptSteps * c.TokensPerStep, c.MaxTokens);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(constraint), constraint, null);
        }
    }

    static double Relative(double value, double max) => value <= max ? 0 : (value - max) / Math.Max(Math.Abs(max), 1e-300);
}
