using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Laws.Planning;
using CptLang.Syntax;
using static CptLang.Laws.Planning.AxisNames;

namespace CptLang.Binding;

/// <summary>
/// Binds <c>sweep RUN { … }</c>: each axis to its values (in the units the run uses: LRs may be
/// % of its peak_lr, lengths may be tokens), the objective to law weights that sum to 1, the
/// requirements to constraints. Whether the run's schedule has the phases each axis reshapes needs
/// the run's plan: the binder lists those checks (<see cref="SweepFamilyCheck"/>) for after lowering.
/// </summary>
internal sealed class SweepBinder(DiagnosticBag diagnostics, ValueBinder values, PhaseBinder phases, SyntaxErrorMap syntaxErrors, List<SweepFamilyCheck> familyChecks)
{
    /// <summary>Values one axis may have; the number of candidates is checked by the command.</summary>
    public const long MaxAxisValues = 10_000_000;

    // the axis words are AxisNames' (CptLang.Laws)
    public const string TurningLength = "turning_length", End = "end", Peak = "peak", Step = "step";

    public BoundSweep? Bind(SweepDeclarationSyntax sweep, IReadOnlyList<BoundRun> runs, ImmutableArray<BoundLaw> laws)
    {
        if (sweep.Run.IsMissing || syntaxErrors.Touches(sweep)) return null;
        var run = runs.FirstOrDefault(r => r.Name == sweep.Run.Text);
        if (run is null)
        {
            diagnostics.Add(DiagnosticBuilder.At(sweep.Run.Span).SweepOfUnknownRun(sweep.Run.Text, runs.Select(r => r.Name)));
            return null;
        }
        int errorsBefore = diagnostics.ErrorCount;
        var axes = ImmutableArray.CreateBuilder<SweepAxis>();
        var axisSyntax = new List<SweepAxisSyntax>();
        Objective? objective = null;
        var constraints = ImmutableArray.CreateBuilder<Constraint>();
        foreach (var item in sweep.Items)
        {
            switch (item)
            {
                case SweepAxisSyntax axis:
                    if (Axis(axis, run, laws) is { } bound)
                    {
                        if (axes.Any(a => a.Kind == bound.Kind))
                            diagnostics.Add(DiagnosticBuilder.At(axis.Name.Span).DuplicateSweepAxis(AxisNames.Of(bound.Kind)));
                        else
                        {
                            axes.Add(bound);
                            axisSyntax.Add(axis);
                        }
                    }
                    break;
                case ObjectiveSyntax o:
                    if (objective is not null) diagnostics.Add(DiagnosticBuilder.At(o.MinimizeKeyword.Span).DuplicateObjective());
                    else objective = Objective(o, laws);
                    break;
                case RequirementSyntax r:
                    if (Requirement(r, run, laws) is { } c) constraints.Add(c);
                    break;
            }
        }
        if (!sweep.Items.OfType<SweepAxisSyntax>().Any())
            diagnostics.Add(DiagnosticBuilder.At(sweep.Run.Span).SweepWithoutAxes());
        if (objective is null && !sweep.Items.OfType<ObjectiveSyntax>().Any())
        {
            if (ValidationRoles.LawsOf(laws.Select(l => l.Name), run.Pretraining?.Domain, run.Continual?.Domain) is (string general, string domain))
                objective = Laws.Planning.Objective.Balance(general, 0.5, domain, 0.5);
            else diagnostics.Add(DiagnosticBuilder.At(sweep.Run.Span).SweepWithoutObjective(run.Name));
        }
        // whether the run's schedule has the phases each axis reshapes is checked on its plan,
        // after lowering (Compilation)
        if (!run.HasErrors)
            familyChecks.Add(new SweepFamilyCheck(run, sweep.Run.Span, [.. axes.Select((a, i) => (a.Kind, axisSyntax[i].Name.Span))]));
        if (diagnostics.ErrorCount > errorsBefore || objective is null) return null;
        return new BoundSweep(sweep, run.Name, axes.ToImmutable(), objective, constraints.ToImmutable());
    }

    // ── axes ────────────────────────────────────────────────────────────────────────────

    SweepAxis? Axis(SweepAxisSyntax axis, BoundRun run, ImmutableArray<BoundLaw> laws)
    {
        if (axis.Name.IsMissing) return null;
        if (axis.ReplayKeyword is not null)
        {
            string pretraining = run.Pretraining?.Domain ?? "";
            if (axis.Name.Text != pretraining)
            {
                diagnostics.Add(DiagnosticBuilder.At(axis.Name.Span).ReplayOfOtherDomain(axis.Name.Text, pretraining));
                return null;
            }
            var replay = Numeric(axis, AxisKind.ReplayRatio, v => Fraction(v, "a replay ratio", "at least 0 and below 1 (100%)", r => r >= 0 && r < 1));
            if (replay is not null && replay.Values.Any(r => r > 0))
                foreach (var law in laws)
                    if (law.Definition is ParametricLaw { Parameters.Form: not LawForm.Replay })
                        diagnostics.Add(DiagnosticBuilder.At(axis.Name.Span).ReplayNeedsReplayLaw(run.Name, replay.Values.First(r => r > 0), law.Name));
            return replay;
        }
        switch (axis.Name.Text)
        {
            case CptPeakLr:
                return Numeric(axis, AxisKind.CptPeakLr, v =>
                {
                    if (values.LearningRate(v, run.PeakLr > 0 ? run.PeakLr : null) is not double lr) return null;
                    if (lr > 0) return lr;
                    diagnostics.Add(DiagnosticBuilder.At(v.Span).SweepValueOutOfRange(CptPeakLr, lr, "above 0"));
                    return null;
                });
            case CptSteps:
                return Numeric(axis, AxisKind.CptSteps, v => values.Count(v, "a number of steps", whole: true));
            case CptTokens:
                if (run.TokensPerStep is not double tokensPerStep)
                {
                    diagnostics.Add(DiagnosticBuilder.At(axis.Name.Span).TokensWithoutTokensPerStep(run.Name));
                    return null;
                }
                return Numeric(axis, AxisKind.CptSteps, v => values.Count(v, "a number of tokens", whole: false) is double t ? Math.Max(1, Math.Round(t / tokensPerStep)) : null);
            case DecayFraction:
                return Numeric(axis, AxisKind.DecayFraction, v => Fraction(v, "a decay fraction", "above 0 and at most 1 (100%)", f => f > 0 && f <= 1));
            case LossPotential:
                return Numeric(axis, AxisKind.LossPotential, v => Fraction(v, "a loss potential", "between 0 and 1 (100%)", f => f >= 0 && f <= 1));
            case DecayShape:
                return Shapes(axis);
            default:
                diagnostics.Add(DiagnosticBuilder.At(axis.Name.Span).UnknownSweepAxis(axis.Name.Text, AxisNames.Words));
                return null;
        }
    }

    double? Fraction(ValueSyntax value, string what, string allowed, Func<double, bool> ok)
    {
        if (values.Number(value, what) is not { } q) return null;
        if (q.HasSuffix) { diagnostics.Add(DiagnosticBuilder.At(value.Span).SuffixNotAllowed(what)); return null; }
        double v = q.IsPercent ? Percent(q.Value) : q.Value;
        if (ok(v)) return v;
        diagnostics.Add(DiagnosticBuilder.At(value.Span).SweepValueOutOfRange(what, v, allowed));
        return null;
    }

    /// <summary>A numeric axis: a range or a list, each value converted by <paramref name="convert"/>
    /// (which reports its own errors).</summary>
    SweepAxis? Numeric(SweepAxisSyntax axis, AxisKind kind, Func<ValueSyntax, double?> convert)
    {
        switch (axis.Values)
        {
            case SweepRangeSyntax range:
            {
                if (range.StepWord.IsMissing || range.StepWord.Text != Step)
                {
                    if (!range.StepWord.IsMissing) diagnostics.Add(DiagnosticBuilder.At(range.StepWord.Span).RangeWithoutStep(range.StepWord.Text));
                    return null;
                }
                double? low = convert(range.Low), high = convert(range.High);
                double? step = StepOf(range.Step, kind, convert);
                if (low is not double lo || high is not double hi || step is not double s) return null;
                if (hi < lo)
                {
                    diagnostics.Add(DiagnosticBuilder.At(TextSpan(range)).EmptySweepRange(ValueBinder.TextOf(range.Low), ValueBinder.TextOf(range.High)));
                    return null;
                }
                if (SweepAxis.RangeCount(lo, hi, s) > MaxAxisValues)
                {
                    diagnostics.Add(DiagnosticBuilder.At(TextSpan(range)).TooManyAxisValues(SweepAxis.RangeCount(lo, hi, s), MaxAxisValues));
                    return null;
                }
                return SweepAxis.Range(kind, lo, hi, s);
            }
            case SweepListSyntax list:
            {
                var result = new List<double>();
                bool ok = true;
                foreach (var item in list.Items)
                {
                    if (item is ShapeSyntax shape)
                    {
                        diagnostics.Add(DiagnosticBuilder.At(shape.Span).NotANumber(shape.Name.Text, $"a value of {axis.Name.Text}"));
                        ok = false;
                    }
                    else if (item is ValueSyntax v && convert(v) is double d) result.Add(d);
                    else ok = false;
                }
                return ok ? SweepAxis.List(kind, result) : null;
            }
            default:
                return null;
        }
    }

    /// <summary>The step of a range, in the axis's units; a step may be 0 in the source only to be reported.</summary>
    double? StepOf(ValueSyntax step, AxisKind kind, Func<ValueSyntax, double?> convert)
    {
        if (values.Number(step, "a sweep step") is not { } q) return null;
        if (q.Value <= 0)
        {
            diagnostics.Add(DiagnosticBuilder.At(step.Span).NonPositiveSweepStep(q.IsPercent ? q.Value / 100 : q.Value));
            return null;
        }
        return kind switch
        {
            AxisKind.ReplayRatio or AxisKind.DecayFraction or AxisKind.LossPotential => q.IsPercent ? Percent(q.Value) : q.Value,
            _ => convert(step),
        };
    }

    SweepAxis? Shapes(SweepAxisSyntax axis)
    {
        if (axis.Values is not SweepListSyntax list)
        {
            diagnostics.Add(DiagnosticBuilder.At(axis.Values.Span).UnknownShape(ValueBinder.TextOf(((SweepRangeSyntax)axis.Values).Low), Binding.Shapes.DecayShapes));
            return null;
        }
        var choices = new List<ShapeChoice>();
        bool ok = true;
        foreach (var item in list.Items)
        {
            if (item is ShapeSyntax shape && phases.DecayShape(shape) is { Shape: { } s, Exponent: var p }) choices.Add(new ShapeChoice(s, p));
            else
            {
                if (item is NumberValueSyntax n) diagnostics.Add(DiagnosticBuilder.At(n.Span).UnknownShape(ValueBinder.TextOf(n), Binding.Shapes.DecayShapes));
                ok = false;
            }
        }
        return ok ? SweepAxis.OfShapes(choices) : null;
    }

    static Text.TextSpan TextSpan(SyntaxNode node) => node.Span;

    /// <summary>A percentage as a fraction, in decimal where exact (70% is 0.7, not 0.7000000000000001).</summary>
    static double Percent(double percent) => ValueBinder.PercentOf(percent, 1);

    // ── objective and requirements ──────────────────────────────────────────────────────

    Objective? Objective(ObjectiveSyntax syntax, ImmutableArray<BoundLaw> laws)
    {
        var expression = syntax.Expression;
        if (expression.ContainsMissing) return null;
        var terms = ImmutableArray.CreateBuilder<ObjectiveTerm>();
        bool ok = true;
        for (int i = 0; i < expression.Terms.Length; i++)
        {
            var term = expression.Terms[i];
            string name = term.Name.Text;
            if (!laws.Any(l => l.Name == name))
            {
                diagnostics.Add(DiagnosticBuilder.At(term.Name.Span).UnknownLaw(name, laws.Select(l => l.Name)));
                ok = false;
                continue;
            }
            double weight = 1;
            if (term.Weight is { } w)
            {
                if (values.Number(w, "a weight") is not { } q) { ok = false; continue; }
                weight = q.IsPercent ? Percent(q.Value) : q.Value;
            }
            if (i > 0 && expression.Signs[i - 1].Kind == SyntaxKind.MinusToken) weight = -weight;
            terms.Add(new ObjectiveTerm(name, weight));
        }
        if (!ok) return null;
        if (Laws.Planning.Objective.WeightProblem([.. terms.Select(t => t.Weight)]) is { } problem)
        {
            diagnostics.Add(DiagnosticBuilder.At(expression.Span).BadObjectiveWeights(problem));
            return null;
        }
        return new Objective(terms.ToImmutable());
    }

    Constraint? Requirement(RequirementSyntax syntax, BoundRun run, ImmutableArray<BoundLaw> laws)
    {
        if (syntax.ContainsMissing) return null;
        string subject = syntax.Subject.Text;
        if (laws.Any(l => l.Name == subject))
        {
            string measure = syntax.Measure?.Text ?? End;
            if (measure is not (End or Peak))
            {
                diagnostics.Add(DiagnosticBuilder.At(syntax.Measure!.Span).UnknownRequirement(measure, [End, Peak]));
                return null;
            }
            return values.Plain(syntax.Bound, "a loss", allowSuffix: false) is double max ? new LossConstraint(subject, max, measure == Peak) : null;
        }
        if (syntax.Measure is { } extra && subject is TurningLength or CptTokens)
        {
            diagnostics.Add(DiagnosticBuilder.At(extra.Span).UnknownRequirement(extra.Text, []));
            return null;
        }
        switch (subject)
        {
            case TurningLength:
                return values.Count(syntax.Bound, "a number of steps", whole: true) is double steps ? new TurningLengthConstraint((long)steps) : null;
            case CptTokens:
                if (run.TokensPerStep is not double tps)
                {
                    diagnostics.Add(DiagnosticBuilder.At(syntax.Subject.Span).TokensWithoutTokensPerStep(run.Name));
                    return null;
                }
                return values.Count(syntax.Bound, "a number of tokens", whole: false) is double tokens ? new CptTokensConstraint(tokens, tps) : null;
            default:
                diagnostics.Add(DiagnosticBuilder.At(syntax.Subject.Span).UnknownRequirement(subject, [.. laws.Select(l => l.Name), TurningLength, CptTokens]));
                return null;
        }
    }
}
