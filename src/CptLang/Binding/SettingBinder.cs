using CptLang.Diagnostics;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Binding;

/// <summary>Applies the settings <c>lambda</c>, <c>warmup_area</c>, <c>s2_split</c> (docs/laws.md §1, §3),
/// at file level or inside a run.</summary>
internal sealed class SettingBinder(DiagnosticBag diagnostics, ValueBinder values)
{
    /// <summary>Applies <paramref name="property"/> if it names a setting; false if it does not.</summary>
    public bool TryApply(PropertySyntax property, ref PlanSettings settings)
    {
        switch (property.Name.Text)
        {
            case PropertyNames.Lambda:
                if (values.Plain(property.Value, "lambda", allowSuffix: false) is { } lambda)
                {
                    if (lambda > 0 && lambda < 1) settings = settings with { Lambda = lambda };
                    else diagnostics.Add(DiagnosticBuilder.At(property.Value.Span).InvalidLambda(lambda));
                }
                return true;
            case PropertyNames.WarmupArea:
                if (Word(property, PropertyNames.WarmupAreaValues) is { } area)
                    settings = settings with { WarmupArea = area == "peak" ? WarmupArea.Peak : WarmupArea.Actual };
                return true;
            case PropertyNames.S2Split:
                if (Word(property, PropertyNames.S2SplitValues) is { } split)
                    settings = settings with { S2Split = split == "step" ? S2Split.Step : S2Split.Source };
                return true;
            default:
                return false;
        }
    }

    string? Word(PropertySyntax property, IReadOnlyList<string> allowed)
    {
        if (property.Value.ContainsMissing) return null;
        string text = ValueBinder.TextOf(property.Value);
        if (property.Value is WordValueSyntax && allowed.Contains(text)) return text;
        diagnostics.Add(DiagnosticBuilder.At(property.Value.Span).InvalidSettingValue(property.Name.Text, text, allowed));
        return null;
    }
}
