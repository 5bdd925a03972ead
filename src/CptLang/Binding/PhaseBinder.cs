using CptLang.Diagnostics;
using CptLang.Laws.Schedules;
using CptLang.Syntax;
using CptLang.Text;

namespace CptLang.Binding;

/// <summary>Binds one phase at the position <see cref="ScheduleWalk"/> gives, checks it against
/// the phase before it, and advances the walk.</summary>
internal sealed class PhaseBinder(DiagnosticBag diagnostics, ValueBinder values, SyntaxErrorMap syntaxErrors)
{
    public BoundPhase? Bind(PhaseSyntax phase, ScheduleWalk walk) => syntaxErrors.Touches(phase) ? Lost(walk, null) : phase switch
    {
        WarmupPhaseSyntax w => Warmup(w, walk),
        StablePhaseSyntax s => Stable(s, walk),
        DecayPhaseSyntax d => Decay(d, walk),
        DropPhaseSyntax p => Drop(p, walk),
        _ => null,
    };

    BoundPhase? Warmup(WarmupPhaseSyntax syntax, ScheduleWalk walk)
    {
        var length = Length(syntax.Length, syntax, walk);
        double? from = syntax.From is { } f ? values.LearningRate(f.Value, walk.PeakLr) : 0;
        double? to = syntax.To is { } t ? values.LearningRate(t.Value, walk.PeakLr) : walk.PeakLr;
        var shape = WarmupShape(syntax.Shape);
        if (from is { } a && to is { } b)
        {
            if (b < a) Report(DiagnosticBuilder.At(syntax.To?.Value.Span ?? syntax.From?.Value.Span ?? syntax.Keyword.Span).WarmupFalls(a, b));
            else if (a == b) Report(DiagnosticBuilder.At(syntax.Keyword.Span).FlatPhase("warmup", a));
            if (walk.Stage == StageKind.Continual && walk.PretrainingPeak > 0 && b > walk.PretrainingPeak * (1 + 1e-9))
                Report(DiagnosticBuilder.At(syntax.To?.Value.Span ?? syntax.Keyword.Span).RewarmupAbovePretrainingPeak(b, walk.PretrainingPeak));
        }
        CheckJump(syntax.From, from, walk);
        if (length is null || from is null || to is null || shape is null || to < from) return Lost(walk, to);
        var kernel = from == to ? Kernel.Constant(to.Value) : new Kernel(shape.Value, from.Value, to.Value);
        return Advance(syntax, BoundPhaseKind.Warmup, length.Value, kernel, walk);
    }

    BoundPhase? Stable(StablePhaseSyntax syntax, ScheduleWalk walk)
    {
        var length = Length(syntax.Length, syntax, walk);
        double? level = syntax.At is { } at ? values.LearningRate(at.Value, walk.PeakLr) : walk.Lr;
        CheckJump(syntax.At, level, walk);
        if (syntax.Shape is { } shape)
        {
            Report(DiagnosticBuilder.At(shape.Span).ShapeOnStable(shape.Name.Text));
            return Lost(walk, level);
        }
        if (length is null || level is null) return Lost(walk, level);
        return Advance(syntax, BoundPhaseKind.Stable, length.Value, Kernel.Constant(level.Value), walk);
    }

    BoundPhase? Decay(DecayPhaseSyntax syntax, ScheduleWalk walk)
    {
        var length = Length(syntax.Length, syntax, walk);
        double? from = syntax.From is { } f ? values.LearningRate(f.Value, walk.PeakLr) : walk.Lr;
        if (syntax.To is null)
        {
            Report(DiagnosticBuilder.At(syntax.Keyword.Span).MissingDecayTarget());
            return Lost(walk, null);
        }
        double? to = values.LearningRate(syntax.To.Value, walk.PeakLr);
        var (shape, exponent, shapeName) = DecayShape(syntax.Shape);
        bool valid = shape is not null;
        if (from is { } a && to is { } b)
        {
            if (b > a) { Report(DiagnosticBuilder.At(syntax.To.Value.Span).DecayRises(a, b)); valid = false; }
            else if (a == b) Report(DiagnosticBuilder.At(syntax.Keyword.Span).FlatPhase("decay", a));
            // a decay never rises, so a positive end implies a positive start
            if (shapeName is not null && Shapes.NeedsPositiveEnds(shapeName) && b <= 0 && b <= a)
            {
                Report(DiagnosticBuilder.At(syntax.To.Value.Span).ShapeNeedsPositiveEnd(shapeName));
                valid = false;
            }
        }
        CheckJump(syntax.From, from, walk);
        if (length is null || from is null || to is null || !valid) return Lost(walk, to);
        var kernel = from == to ? Kernel.Constant(to.Value) : new Kernel(shape!.Value, from.Value, to.Value, exponent);
        return Advance(syntax, BoundPhaseKind.Decay, length.Value, kernel, walk);
    }

    BoundPhase? Drop(DropPhaseSyntax syntax, ScheduleWalk walk)
    {
        double? to = values.LearningRate(syntax.To.Value, walk.PeakLr);
        if (to is { } b && walk.Lr is { } a && b > a * (1 + 1e-12))
        {
            Report(DiagnosticBuilder.At(syntax.To.Value.Span).DropRises(a, b));
            return Lost(walk, to);
        }
        if (to is null) return Lost(walk, null);
        walk.Lr = to;
        return new BoundPhase(syntax, BoundPhaseKind.Drop, walk.Step + 1, walk.Step, Kernel.Constant(to.Value));
    }

    BoundPhase Advance(PhaseSyntax syntax, BoundPhaseKind kind, long length, Kernel kernel, ScheduleWalk walk)
    {
        var phase = new BoundPhase(syntax, kind, walk.Step + 1, walk.Step + length, kernel);
        walk.Step += length;
        walk.Lr = kernel.To;
        walk.HasPrevious = true;
        if (walk.Stage != StageKind.Continual)
            walk.PretrainingPeak = Math.Max(walk.PretrainingPeak, Math.Max(kernel.From, kernel.To));
        return phase;
    }

    /// <summary>The phase did not bind: steps after it can no longer be counted, and the LR is
    /// known only if its end value was.</summary>
    static BoundPhase? Lost(ScheduleWalk walk, double? endLr)
    {
        walk.StepKnown = false;
        walk.Lr = endLr;
        walk.HasPrevious = endLr is not null;
        return null;
    }

    void CheckJump(LrClauseSyntax? clause, double? lr, ScheduleWalk walk)
    {
        if (clause is null || lr is not { } value || !walk.HasPrevious || walk.Lr is not { } previous || !walk.StepKnown) return;
        if (Math.Abs(value - previous) > 1e-9 * Math.Max(Math.Abs(value), Math.Abs(previous)))
            Report(DiagnosticBuilder.At(clause.Value.Span).LearningRateJump(previous, value, walk.Step + 1));
    }

    /// <summary>The phase's length in steps, or null (reported) when it cannot be counted.</summary>
    long? Length(LengthSyntax? syntax, PhaseSyntax phase, ScheduleWalk walk)
    {
        // `stable steps`, `warmup cosine`: a word where the amount should be means no length at all
        if (syntax is null || syntax is CountLengthSyntax { Amount: WordValueSyntax { IsMissing: false }, Unit: null })
        {
            Report(DiagnosticBuilder.At(syntax?.Span ?? phase.Keyword.Span).MissingLength(phase.Keyword.Text));
            return null;
        }
        double? steps = syntax switch
        {
            CountLengthSyntax count => Count(count, walk),
            UntilLengthSyntax until => Until(until, walk),
            _ => null,
        };
        if (steps is not { } n) return null;
        if (walk.Step + n > RunBinder.MaxSteps)
        {
            if (!walk.TooLongReported) Report(DiagnosticBuilder.At(syntax.Span).RunTooLong(walk.Step + n, RunBinder.MaxSteps));
            walk.TooLongReported = true;
            return null;
        }
        return (long)n;
    }

    double? Count(CountLengthSyntax syntax, ScheduleWalk walk)
    {
        if (syntax.Amount.ContainsMissing) return null;
        switch (syntax.Unit?.Text)
        {
            case null:
                Report(DiagnosticBuilder.At(syntax.Amount.Span).MissingUnit(ValueBinder.TextOf(syntax.Amount)));
                return null;
            case "steps" or "step":
                return values.Count(syntax.Amount, "a number of steps", whole: true);
            case "tokens" or "token":
                if (values.Count(syntax.Amount, "a number of tokens", whole: false) is not { } tokens) return null;
                if (walk.TokensPerStep is not { } perStep)
                {
                    Report(DiagnosticBuilder.At(syntax.Span).TokensWithoutTokensPerStep(walk.Run));
                    return null;
                }
                double exact = tokens / perStep;
                double rounded = Math.Round(exact, MidpointRounding.AwayFromZero);
                string written = ValueBinder.TextOf(syntax.Amount);
                if (rounded < 1)
                {
                    Report(DiagnosticBuilder.At(syntax.Span).TokenLengthBelowOneStep(written, exact));
                    return null;
                }
                if (Math.Abs(exact - rounded) > 1e-9 * exact)
                    Report(DiagnosticBuilder.At(syntax.Span).TokensRoundedToSteps(written, exact, (long)Math.Min(rounded, RunBinder.MaxSteps)));
                return rounded;
            default:
                Report(DiagnosticBuilder.At(syntax.Unit.Span).UnknownUnit(syntax.Unit.Text));
                return null;
        }
    }

    double? Until(UntilLengthSyntax syntax, ScheduleWalk walk)
    {
        if (values.Plain(syntax.Step, "a step") is not { } target) return null;
        if (Math.Floor(target) != target)
        {
            Report(DiagnosticBuilder.At(syntax.Step.Span).NotWholeNumber("a step", target));
            return null;
        }
        if (!walk.StepKnown) return null;
        if (target <= walk.Step)
        {
            Report(DiagnosticBuilder.At(syntax.Step.Span).UntilBehind((long)Math.Max(target, long.MinValue), walk.Step));
            return null;
        }
        return target - walk.Step;
    }

    Shape? WarmupShape(ShapeSyntax? syntax)
    {
        if (syntax is null) return Shape.Linear;
        string name = syntax.Name.Text;
        if (syntax.Name.IsMissing) return null;
        if (!Shapes.WarmupShapes.Contains(name))
        {
            Report(Shapes.DecayShapes.Contains(name)
                ? DiagnosticBuilder.At(syntax.Name.Span).ShapeNotForWarmup(name, Shapes.WarmupShapes)
                : DiagnosticBuilder.At(syntax.Name.Span).UnknownShape(name, Shapes.WarmupShapes));
            return null;
        }
        return CheckNoArgument(syntax) ? Shapes.ForWarmup(name) : null;
    }

    internal (Shape? Shape, double Exponent, string? Name) DecayShape(ShapeSyntax? syntax)
    {
        if (syntax is null) return (Shape.Linear, 0, Shapes.Linear);
        string name = syntax.Name.Text;
        if (syntax.Name.IsMissing) return (null, 0, null);
        if (!Shapes.DecayShapes.Contains(name))
        {
            Report(DiagnosticBuilder.At(syntax.Name.Span).UnknownShape(name, Shapes.DecayShapes));
            return (null, 0, null);
        }
        if (name != Shapes.Polynomial)
            return CheckNoArgument(syntax) ? (Shapes.ForDecay(name), 0, name) : (null, 0, name);

        if (syntax.Argument is null)
        {
            Report(DiagnosticBuilder.At(syntax.Name.Span).InvalidShapeArgument(
                "a polynomial decay needs its power", "write e.g. `polynomial(2)` for (1 − r)²"));
            return (null, 0, name);
        }
        if (values.Plain(syntax.Argument, "the power of a polynomial decay", allowSuffix: false) is not { } p) return (null, 0, name);
        if (p <= 0 || p > 100)
        {
            Report(DiagnosticBuilder.At(syntax.Argument.Span).InvalidShapeArgument(
                $"the power of a polynomial decay must be above 0 and at most 100, not {DisplayFormat.Number(p)}"));
            return (null, 0, name);
        }
        return (Shape.Polynomial, p, name);
    }

    bool CheckNoArgument(ShapeSyntax syntax)
    {
        if (syntax.OpenParen is null) return true;
        var span = TextSpan.Covering(syntax.OpenParen.Span, syntax.CloseParen?.Span ?? syntax.OpenParen.Span);
        Report(DiagnosticBuilder.At(span).InvalidShapeArgument($"the shape '{syntax.Name.Text}' takes no argument", "remove the parentheses"));
        return false;
    }

    void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);
}
