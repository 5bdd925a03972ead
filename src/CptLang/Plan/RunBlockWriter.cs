using System.Globalization;
using System.Text;
using CptLang.Binding;
using CptLang.Formatting;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Plan;

/// <summary>
/// Writes an <see cref="EvaluationPlan"/> back as a plain <c>run</c> block (<c>cptc optimize
/// --emit</c>): every phase with its length in steps and its LRs as absolute numbers, so the
/// block compiles to the same plan and can be committed as it is. Formatted canonically.
/// </summary>
public static class RunBlockWriter
{
    public static string Write(EvaluationPlan plan, string name, string? comment = null)
    {
        var text = new StringBuilder();
        if (comment is not null) foreach (var line in comment.Split('\n')) text.Append("// ").Append(line).Append('\n');
        text.Append("run ").Append(name).Append(" {\n");
        text.Append("peak_lr ").Append(Number(plan.PeakLr)).Append('\n');
        if (plan.TokensPerStep is double tps) text.Append("tokens_per_step ").Append(Number(tps)).Append('\n');
        if (plan.Settings.Lambda != PlanSettings.DefaultLambda) text.Append("lambda ").Append(Number(plan.Settings.Lambda)).Append('\n');
        if (plan.Settings.WarmupArea != WarmupArea.Peak) text.Append("warmup_area ").Append(SettingNames.Of(plan.Settings.WarmupArea)).Append('\n');
        if (plan.Settings.S2Split != S2Split.Step) text.Append("s2_split ").Append(SettingNames.Of(plan.Settings.S2Split)).Append('\n');
        double? previous = null;
        for (int s = 0; s < plan.Stages.Length; s++)
        {
            var stage = plan.Stages[s];
            switch (stage.Kind)
            {
                case StageKind.UnknownPretraining:
                    text.Append("pretrained ").Append(stage.Domain).Append('\n');
                    continue;
                case StageKind.Pretraining:
                    text.Append("train ").Append(stage.Domain).Append(" {\n");
                    break;
                default:
                    text.Append("switch to ").Append(stage.Domain).Append(" {\n");
                    if (stage.ReplayRatio > 0 && plan.Pretraining is { } pt)
                        text.Append("replay ").Append(pt.Domain).Append(' ').Append(Number(stage.ReplayRatio * 100)).Append("%\n");
                    break;
            }
            foreach (var segment in plan.Segments.Where(x => x.Stage == s))
            {
                Phase(text, segment, previous);
                previous = segment.Kernel.To;
            }
            text.Append("}\n");
        }
        text.Append("}\n");
        return Formatter.Format(SyntaxTree.Parse(Text.SourceText.From(text.ToString())));
    }

    /// <summary>One phase. It continues from <paramref name="previous"/> (the LR before it) when
    /// it can; a fall is written as the `drop` it is, since the compiler warns about silent jumps.
    /// A warmup without `from` starts at 0.</summary>
    static void Phase(StringBuilder text, Segment segment, double? previous)
    {
        var k = segment.Kernel;
        string steps = segment.Length.ToString(CultureInfo.InvariantCulture) + " steps";
        bool warmup = segment.Phase == PhaseKind.Warmup && k.From != k.To;
        bool continues = warmup ? k.From == 0 : previous == k.From;
        if (!continues && !warmup && previous is double before && k.From < before)
        {
            text.Append("drop to ").Append(Number(k.From)).Append('\n');
            continues = true;
        }
        string from = continues ? "" : " from " + Number(k.From);
        if (k.Shape == Shape.Constant || k.From == k.To)
        {
            text.Append("stable ").Append(steps).Append(" at ").Append(Number(k.From)).Append('\n');
            return;
        }
        text.Append(warmup ? "warmup " : "decay ").Append(steps).Append(from).Append(" to ").Append(Number(k.To))
            .Append(' ').Append(ShapeName(k)).Append('\n');
    }

    static string ShapeName(Kernel kernel) => kernel.Shape switch
    {
        _ => SyntaxFacts.ShapeName(kernel.Shape, Number(kernel.Exponent)),
    };

    /// <summary>Ten significant digits, culture-invariant, in the language's number syntax.</summary>
    static string Number(double value) => value.ToString("G10", CultureInfo.InvariantCulture).Replace("E", "e").Replace("e+", "e");
}
