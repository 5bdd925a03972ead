using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Schedules;
using CptLang.Syntax;
using CptLang.Text;

namespace CptLang.Binding;

/// <summary>
/// Binds one run: its properties, then its stages and phases in order, counting steps and
/// following the learning rate from phase to phase (docs/language.md §3–4).
/// </summary>
internal sealed class RunBinder
{
    /// <summary>Longest run cptc accepts. Step numbers stay exact in a double far beyond it.</summary>
    public const double MaxSteps = 1e15;

    readonly DiagnosticBag _diagnostics;
    readonly ValueBinder _values;
    readonly SettingBinder _settings;
    readonly PhaseBinder _phases;

    readonly SyntaxErrorMap _syntaxErrors;

    public RunBinder(DiagnosticBag diagnostics, SyntaxErrorMap syntaxErrors)
    {
        _diagnostics = diagnostics;
        _syntaxErrors = syntaxErrors;
        _values = new ValueBinder(diagnostics);
        _settings = new SettingBinder(diagnostics, _values);
        _phases = new PhaseBinder(diagnostics, _values, syntaxErrors);
    }

    public BoundRun Bind(RunDeclarationSyntax run, PlanSettings fileSettings)
    {
        int errorsBefore = _diagnostics.ErrorCount;
        string name = run.Name.Text;
        var (peakLr, tokensPerStep, settings) = BindProperties(run, fileSettings);

        var stages = ImmutableArray.CreateBuilder<BoundStage>();
        var walk = new ScheduleWalk(peakLr, tokensPerStep, name);
        foreach (var stage in run.Items.OfType<StageSyntax>())
            if (BindStage(stage, stages, walk) is { } bound) stages.Add(bound);

        if (!run.Name.IsMissing && !_syntaxErrors.Touches(run))
        {
            if (stages.Count == 0 && !run.Items.OfType<StageSyntax>().Any())
                _diagnostics.Add(DiagnosticBuilder.At(run.Name.Span).EmptyRun(name, onlyPretrained: false));
            else if (stages.Count > 0 && stages.All(s => s.Kind == StageKind.UnknownPretraining))
                _diagnostics.Add(DiagnosticBuilder.At(run.Name.Span).EmptyRun(name, onlyPretrained: true));
        }
        CheckDrops(stages);

        return new BoundRun(run, name, peakLr ?? 0, tokensPerStep, settings, stages.ToImmutable(),
            HasErrors: _diagnostics.ErrorCount > errorsBefore || peakLr is null);
    }

    (double? PeakLr, double? TokensPerStep, PlanSettings Settings) BindProperties(RunDeclarationSyntax run, PlanSettings settings)
    {
        double? peakLr = null, tokensPerStep = null;
        bool peakGiven = false;
        var seen = new HashSet<string>();
        foreach (var property in run.Items.OfType<PropertySyntax>())
        {
            string key = property.Name.Text;
            if (property.Name.IsMissing || _syntaxErrors.Touches(property))
            {
                peakGiven |= key == PropertyNames.PeakLr;
                continue;
            }
            if (!seen.Add(key))
            {
                _diagnostics.Add(DiagnosticBuilder.At(property.Name.Span).DuplicateProperty(key));
                continue;
            }
            switch (key)
            {
                case PropertyNames.PeakLr:
                    peakGiven = true;
                    if (property.Value is NumberValueSyntax { Percent: not null })
                        _diagnostics.Add(DiagnosticBuilder.At(property.Value.Span).PercentNotAllowed("peak_lr"));
                    else if (_values.LearningRate(property.Value, null) is { } lr)
                    {
                        if (lr > 0) peakLr = lr;
                        else _diagnostics.Add(DiagnosticBuilder.At(property.Value.Span).ValueMustBePositive("peak_lr", lr));
                    }
                    break;
                case PropertyNames.TokensPerStep:
                    if (_values.Plain(property.Value, "tokens_per_step") is { } tps)
                    {
                        if (tps > 0) tokensPerStep = tps;
                        else _diagnostics.Add(DiagnosticBuilder.At(property.Value.Span).ValueMustBePositive("tokens_per_step", tps));
                    }
                    break;
                default:
                    if (!_settings.TryApply(property, ref settings))
                        _diagnostics.Add(DiagnosticBuilder.At(property.Name.Span).UnknownProperty(key, "run property", PropertyNames.RunProperties));
                    break;
            }
        }
        if (!peakGiven && !run.Name.IsMissing && !_syntaxErrors.Touches(run))
            _diagnostics.Add(DiagnosticBuilder.At(run.Name.Span).MissingPeakLr(run.Name.Text));
        return (peakLr, tokensPerStep, settings);
    }

    BoundStage? BindStage(StageSyntax stage, ImmutableArray<BoundStage>.Builder previous, ScheduleWalk walk)
    {
        var kind = stage switch
        {
            TrainStageSyntax => StageKind.Pretraining,
            PretrainedStageSyntax => StageKind.UnknownPretraining,
            _ => StageKind.Continual,
        };
        string domain = stage.Domain.Text;
        if (stage.Domain.IsMissing || !CheckStageOrder(stage, kind, previous)) return null;

        walk.Stage = kind;
        long firstStep = walk.Step + 1;
        var phases = ImmutableArray.CreateBuilder<BoundPhase>();
        double replayRatio = 0;
        ReplaySyntax? replaySyntax = null;
        foreach (var item in stage.Body?.Items ?? [])
        {
            if (item is ReplaySyntax replay)
            {
                if (_syntaxErrors.Touches(replay)) continue;
                if (BindReplay(replay, stage, kind, replaySyntax, previous) is { } ratio) replayRatio = ratio;
                replaySyntax ??= replay;
            }
            else if (item is PhaseSyntax phase && _phases.Bind(phase, walk) is { } bound)
                phases.Add(bound);
        }

        if (kind != StageKind.UnknownPretraining && stage.Body is { } body && !_syntaxErrors.Touches(body)
            && !phases.Any(p => p.Length > 0) && walk.StepKnown)
            _diagnostics.Add(DiagnosticBuilder.At(stage.Domain.Span).EmptyStage(domain));
        return new BoundStage(stage, kind, domain, firstStep, walk.Step, replayRatio, replaySyntax, phases.ToImmutable());
    }

    /// <summary>A run is `train D {…}` or `pretrained D`, then at most one `switch to D' {…}`.</summary>
    bool CheckStageOrder(StageSyntax stage, StageKind kind, ImmutableArray<BoundStage>.Builder previous)
    {
        var head = stage switch
        {
            SwitchStageSyntax s => Between(s.SwitchKeyword, s.Domain),
            TrainStageSyntax t => Between(t.TrainKeyword, t.Domain),
            PretrainedStageSyntax p => Between(p.PretrainedKeyword, p.Domain),
            _ => stage.Span,
        };
        if (kind != StageKind.Continual)
        {
            if (previous.Count == 0) return true;
            _diagnostics.Add(DiagnosticBuilder.At(head).MisplacedPretraining(kind == StageKind.Pretraining ? "train" : "pretrained"));
            return false;
        }
        if (previous.Count == 0)
        {
            _diagnostics.Add(DiagnosticBuilder.At(head).SwitchWithoutPretraining(stage.Domain.Text));
            return false;
        }
        if (previous.Any(s => s.Kind == StageKind.Continual))
        {
            _diagnostics.Add(DiagnosticBuilder.At(head).SecondSwitch());
            return false;
        }
        if (previous[0].Domain == stage.Domain.Text && !stage.Domain.IsMissing)
            _diagnostics.Add(DiagnosticBuilder.At(stage.Domain.Span).SwitchToSameDomain(stage.Domain.Text));
        return true;
    }

    /// <summary>A drop matters only to a phase that continues from the current LR.</summary>
    void CheckDrops(IEnumerable<BoundStage> stages)
    {
        var phases = stages.SelectMany(s => s.Phases).ToList();
        for (int i = 0; i < phases.Count; i++)
        {
            if (phases[i].Kind != BoundPhaseKind.Drop) continue;
            var next = phases.Skip(i + 1).FirstOrDefault(p => p.Kind != BoundPhaseKind.Drop);
            if (next is null)
                _diagnostics.Add(DiagnosticBuilder.At(phases[i].Syntax.Span).DropWithoutEffect());
            else if (next.Syntax is WarmupPhaseSyntax or StablePhaseSyntax { At: not null } or DecayPhaseSyntax { From: not null })
                _diagnostics.Add(DiagnosticBuilder.At(phases[i].Syntax.Span).DropOverridden(next.Syntax.Keyword.Text));
        }
    }

    static TextSpan Between(SyntaxToken first, SyntaxToken last) => TextSpan.Covering(first.Span, last.Span);

    double? BindReplay(ReplaySyntax replay, StageSyntax stage, StageKind kind, ReplaySyntax? earlier, ImmutableArray<BoundStage>.Builder previous)
    {
        if (kind != StageKind.Continual)
        {
            _diagnostics.Add(DiagnosticBuilder.At(replay.Span).ReplayOutsideSwitch());
            return null;
        }
        if (earlier is not null)
        {
            _diagnostics.Add(DiagnosticBuilder.At(replay.Span).DuplicateReplay());
            return null;
        }
        string pretraining = previous[0].Domain;
        if (!replay.Domain.IsMissing && replay.Domain.Text != pretraining)
        {
            var domains = previous.Select(s => s.Domain).Append(stage.Domain.Text);
            _diagnostics.Add(domains.Contains(replay.Domain.Text)
                ? DiagnosticBuilder.At(replay.Domain.Span).ReplayOfOtherDomain(replay.Domain.Text, pretraining)
                : DiagnosticBuilder.At(replay.Domain.Span).UnknownDomain(replay.Domain.Text, domains.Distinct()));
            return null;
        }
        return _values.Ratio(replay.Ratio);
    }
}
