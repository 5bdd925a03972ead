using System.Globalization;
using System.Text;
using CptLang.Formatting;

namespace CptLang.Syntax.Factory;

/// <summary>The one place typed pieces become text: raw lines in a <see cref="SourceStyle"/>,
/// then parsed and formatted.</summary>
internal sealed class SourceWriter
{
    readonly StringBuilder _text = new();
    readonly SourceStyle _style;

    public SourceWriter(SourceStyle style, IEnumerable<string>? comments)
    {
        _style = style;
        foreach (var comment in comments ?? []) Line("// " + comment);
    }

    public void Line(string line) => _text.Append(line).Append('\n');

    public string Number(double value) => NumberLiteral.Format(value, _style.Numbers);

    public string Formatted()
    {
        var tree = SyntaxTree.Parse(_text.ToString());
        if (tree.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
            throw new ArgumentException($"the pieces do not make valid .cpt source: {error.Message}");
        return Formatter.Format(tree);
    }

    public void Run(SourceRun run)
    {
        Line($"run {run.Name} {{");
        foreach (var setting in run.Settings)
            Line($"{setting.Name} {(setting.Number is double n ? Number(n) : setting.Word)}");
        if (_style.BlankLineBeforeStages) Line("");
        foreach (var stage in run.Stages) Stage(stage);
        Line("}");
    }

    void Stage(SourceStage stage)
    {
        IReadOnlyList<SourcePhase> phases;
        switch (stage)
        {
            case SourceStage.Pretrained:
                Line($"pretrained {stage.Domain}");
                return;
            case SourceStage.Train train:
                Line($"train {stage.Domain} {{");
                phases = train.Phases;
                break;
            case SourceStage.SwitchTo to:
                Line($"switch to {stage.Domain} {{");
                if (to.Replay is var (domain, percent)) Line($"replay {domain} {Number(percent)}%");
                phases = to.Phases;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, null);
        }
        foreach (var phase in phases) Line(Phase(phase));
        Line("}");
    }

    string Phase(SourcePhase phase) => phase switch
    {
        SourcePhase.Warmup w => $"warmup {Steps(w.Steps)}{From(w.From)} to {Number(w.To)} {Shape(w.Shape, w.Exponent)}",
        SourcePhase.Stable s => $"stable {Steps(s.Steps)} at {Number(s.At)}",
        SourcePhase.Decay d => $"decay {Steps(d.Steps)}{From(d.From)} to {Number(d.To)} {Shape(d.Shape, d.Exponent)}",
        SourcePhase.Drop d => $"drop to {Number(d.To)}",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    string Steps(long n) => n.ToString(CultureInfo.InvariantCulture) + (n == 1 && _style.SingularStep ? " step" : " steps");

    string From(double? from) => from is double f ? $" from {Number(f)}" : "";

    string Shape(Laws.Schedules.Shape shape, double exponent) => SyntaxFacts.ShapeName(shape, Number(exponent));
}
