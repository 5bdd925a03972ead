using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Syntax;
using P = CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Binding;

/// <summary>
/// Binds law declarations: parameter blocks (the form follows from the parameters given), the
/// paper's parameter sets with optional overrides, and weighted sums for out-of-domain sets.
/// </summary>
internal sealed class LawBinder(DiagnosticBag diagnostics, SyntaxErrorMap syntaxErrors)
{
    readonly ValueBinder _values = new(diagnostics);

    static readonly ImmutableArray<string> ReplayOnly = [P.A1, P.A2];
    static readonly ImmutableArray<string> SizeOnly = [P.N, P.F, P.Gamma1, P.Gamma2, P.Gamma3];
    static readonly ImmutableArray<string> CptOnly = [P.C1, P.C2, P.B, P.E, P.Beta];

    /// <summary>Binds all laws of a file; sums may name laws declared after them.</summary>
    public ImmutableArray<BoundLaw> Bind(IReadOnlyList<LawDeclarationSyntax> declarations)
    {
        var unique = new Dictionary<string, LawDeclarationSyntax>();
        foreach (var law in declarations.Where(l => !l.Name.IsMissing && !syntaxErrors.PastCutoff(l)))
        {
            if (!unique.TryAdd(law.Name.Text, law))
                diagnostics.Add(DiagnosticBuilder.At(law.Name.Span).DuplicateLaw(law.Name.Text));
        }

        var parametric = new Dictionary<string, BoundLaw>();
        // a law with a syntax error keeps its name (so sums over it are not "unknown") but is not bound
        foreach (var law in unique.Values.Where(l => !IsSum(l) && !syntaxErrors.Touches(l)))
            if (BindParametric(law) is { } bound) parametric[bound.Name] = bound;

        var result = ImmutableArray.CreateBuilder<BoundLaw>();
        foreach (var law in unique.Values.Where(l => !syntaxErrors.Touches(l)))
        {
            var bound = IsSum(law) ? BindSum(law, unique, parametric) : parametric.GetValueOrDefault(law.Name.Text);
            if (bound is not null) result.Add(bound);
        }
        return result.ToImmutable();
    }

    /// <summary>`law x = a * y + …` (anything but a block or a single parameter-set name).</summary>
    static bool IsSum(LawDeclarationSyntax law) =>
        law.Expression is { } e && !(e.Terms.Length == 1 && e.Terms[0].Weight is null && IsPresetName(e.Terms[0].Name));

    static bool IsPresetName(QualifiedNameSyntax name) => name.Parts.Length > 1;

    BoundLaw? BindParametric(LawDeclarationSyntax law)
    {
        int errorsBefore = diagnostics.ErrorCount;
        var values = new Dictionary<string, double>();
        var spans = new Dictionary<string, ParameterSyntax>();
        Laws.Presets.LawPreset? usedPreset = null;

        if (law.Expression is { } expression)
        {
            var name = expression.Terms[0].Name;
            if (name.ContainsMissing) return null;
            if (PresetSource.Find(name.Text) is not { } preset)
            {
                diagnostics.Add(PresetSource.FindOodWeights(name.Text) is { } weights
                    ? DiagnosticBuilder.At(name.Span).OodWeightsAsLaw(law.Name.Text, weights.Name, weights.GeneralWeight, weights.DomainWeight)
                    : DiagnosticBuilder.At(name.Span).UnknownPreset(name.Text, PresetSource.Names));
                return null;
            }
            foreach (var (key, value) in preset.Values) values[key] = value;
            usedPreset = preset;
        }

        ParameterSyntax? lambdaSyntax = null;
        double? lambda = null;
        foreach (var parameter in law.Body?.Parameters ?? [])
        {
            if (parameter.Name.IsMissing) continue;
            string key = parameter.Name.Text;
            // `lambda = …`: the law's own momentum decay of the annealing area (docs/language.md §7.2)
            if (key == PropertyNames.Lambda)
            {
                if (lambdaSyntax is not null)
                {
                    diagnostics.Add(DiagnosticBuilder.At(parameter.Name.Span).DuplicateParameter(key));
                    continue;
                }
                lambdaSyntax = parameter;
                if (BindValue(parameter) is not { } decay) continue;
                if (decay > 0 && decay < 1) lambda = decay;
                else diagnostics.Add(DiagnosticBuilder.At(parameter.Value.Span).ParameterOutOfRange(key, decay, "it must be between 0 and 1, both excluded"));
                continue;
            }
            if (!P.All.Contains(key))
            {
                diagnostics.Add(DiagnosticBuilder.At(parameter.Name.Span).UnknownParameter(key, P.All));
                continue;
            }
            if (!spans.TryAdd(key, parameter))
            {
                diagnostics.Add(DiagnosticBuilder.At(parameter.Name.Span).DuplicateParameter(key));
                continue;
            }
            if (BindValue(parameter) is { } value) values[key] = value;
        }
        if (diagnostics.ErrorCount > errorsBefore || law.Name.IsMissing) return null;
        LawForm form;
        if (law.Form is { IsMissing: false } written)
        {
            if (!LawForms.TryParse(written.Text, out form))
            {
                diagnostics.Add(DiagnosticBuilder.At(written.Span).UnknownLawForm(written.Text, LawForms.Keywords));
                return null;
            }
        }
        else if (spans.TryGetValue(P.Gamma, out var gamma))
        {
            diagnostics.Add(DiagnosticBuilder.At(gamma.Name.Span).MultiPowerFormNotWritten(law.Name.Text, P.Gamma));
            return null;
        }
        else if (DetectForm(law, values.Keys.Concat(spans.Keys).ToHashSet(), spans) is { } detected) form = detected;
        else return null;

        var required = P.Of(form);
        var extra = values.Keys.Where(k => !required.Contains(k)).ToList();
        foreach (var key in extra.Where(spans.ContainsKey))
            diagnostics.Add(DiagnosticBuilder.At(spans[key].Name.Span).ParameterNotInForm(key, FormName(form), required));
        var missing = required.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            diagnostics.Add(DiagnosticBuilder.At(law.Name.Span).LawMissingParameters(law.Name.Text, FormName(form), missing,
                usedPreset is null ? null
                    : $"{usedPreset.Name} does not give {string.Join(", ", missing)}; supply {(missing.Count == 1 ? "it" : "them")}: `law {law.Name.Text} = {usedPreset.Name} {{ {missing[0]} = … }}`"));
        foreach (var key in required.Where(values.ContainsKey))
            CheckRange(key, values[key], spans.GetValueOrDefault(key), law);
        if (diagnostics.ErrorCount > errorsBefore) return null;

        if (lambdaSyntax is not null && form == LawForm.MultiPower)
            diagnostics.Add(DiagnosticBuilder.At(lambdaSyntax.Name.Span).LambdaNotInForm(FormName(form)));
        if (diagnostics.ErrorCount > errorsBefore) return null;

        foreach (var key in extra) values.Remove(key);
        var uncertainty = new UncertaintyBinder(diagnostics, _values).Bind(law, form);
        if (diagnostics.ErrorCount > errorsBefore) return null;
        return new BoundLaw(law, new ParametricLaw(law.Name.Text, new LawParameters(form, values) { Lambda = lambda })) { Uncertainty = uncertainty };
    }

    double? BindValue(ParameterSyntax parameter)
    {
        string key = parameter.Name.Text;
        if (key != P.N) return _values.Plain(parameter.Value, $"'{key}'");
        // N is written as a parameter count (106M, 1.7B); the laws use millions (docs/laws.md §3).
        if (_values.Number(parameter.Value, "N") is not { } n) return null;
        if (n.IsPercent) { diagnostics.Add(DiagnosticBuilder.At(parameter.Value.Span).PercentNotAllowed("N")); return null; }
        if (!n.HasSuffix && n.Value > 0 && n.Value < 1e4) diagnostics.Add(DiagnosticBuilder.At(parameter.Value.Span).ModelSizeLooksLikeMillions(n.Value));
        return n.Value / 1e6;
    }

    /// <summary>Which form the given parameters describe (docs/language.md §7.2: the
    /// parameters given choose the form).</summary>
    LawForm? DetectForm(LawDeclarationSyntax law, HashSet<string> given, Dictionary<string, ParameterSyntax> spans)
    {
        var groups = new List<(LawForm Form, string Witness)>();
        if (given.Contains(P.S1pt)) groups.Add((LawForm.OpenModel, P.S1pt));
        if (ReplayOnly.FirstOrDefault(given.Contains) is { } r) groups.Add((LawForm.Replay, r));
        if (SizeOnly.FirstOrDefault(given.Contains) is { } s) groups.Add((LawForm.ModelSize, s));
        if (groups.Count > 1)
        {
            var span = spans.TryGetValue(groups[1].Witness, out var p) ? p.Name.Span : law.Name.Span;
            diagnostics.Add(DiagnosticBuilder.At(span).MixedLawForms(FormName(groups[0].Form), FormName(groups[1].Form)));
            return null;
        }
        if (groups.Count == 1) return groups[0].Form;
        if (CptOnly.Any(given.Contains)) return LawForm.Cpt;
        if (given.Contains(P.C)) return LawForm.Annealing;
        diagnostics.Add(DiagnosticBuilder.At(law.Name.Span).LawMissingParameters(law.Name.Text, null,
            P.Of(LawForm.Annealing).Where(k => !given.Contains(k)),
            "give C for the annealing law (Eq. 1), or C1 C2 B E beta for the CPT law (Eq. 4)"));
        return null;
    }

    void CheckRange(string key, double value, ParameterSyntax? syntax, LawDeclarationSyntax law)
    {
        string? requirement = key switch
        {
            P.L0 or P.A or P.Alpha or P.C or P.C1 or P.C2 or P.Gamma when value < 0 => "it must be 0 or more",
            P.E or P.Beta or P.N or P.S1pt when value <= 0 => "it must be above 0",
            _ => null,
        };
        if (requirement is not null)
            diagnostics.Add(DiagnosticBuilder.At(syntax?.Value.Span ?? law.Name.Span).ParameterOutOfRange(key, value, requirement));
    }

    BoundLaw? BindSum(LawDeclarationSyntax law, Dictionary<string, LawDeclarationSyntax> declared, Dictionary<string, BoundLaw> parametric)
    {
        int errorsBefore = diagnostics.ErrorCount;
        var expression = law.Expression!;
        if (law.Body is { } body)
            diagnostics.Add(DiagnosticBuilder.At(body.Span).OverridesOnSum(law.Name.Text));
        var terms = ImmutableArray.CreateBuilder<WeightedTerm>();
        for (int i = 0; i < expression.Terms.Length; i++)
        {
            var term = expression.Terms[i];
            if (term.ContainsMissing) continue;
            double sign = i > 0 && expression.Signs[i - 1].Kind == SyntaxKind.MinusToken ? -1 : 1;
            double? weight = term.Weight is null ? 1 : _values.Plain(term.Weight, "a weight", allowSuffix: false);
            string name = term.Name.Text;
            if (IsPresetName(term.Name))
            {
                diagnostics.Add(PresetSource.Find(name) is not null
                    ? DiagnosticBuilder.At(term.Name.Span).PresetWithWeight(name)
                    : DiagnosticBuilder.At(term.Name.Span).UnknownLaw(name, declared.Keys.Where(k => k != law.Name.Text)));
                continue;
            }
            if (!declared.TryGetValue(name, out var target))
            {
                diagnostics.Add(DiagnosticBuilder.At(term.Name.Span).UnknownLaw(name, declared.Keys.Where(k => k != law.Name.Text)));
                continue;
            }
            if (IsSum(target))
            {
                diagnostics.Add(DiagnosticBuilder.At(term.Name.Span).SumOfSums(name));
                continue;
            }
            if (weight is { } w && parametric.ContainsKey(name)) terms.Add(new WeightedTerm(sign * w, name));
        }
        if (diagnostics.ErrorCount > errorsBefore || law.Name.IsMissing || terms.Count != expression.Terms.Length) return null;
        return new BoundLaw(law, new WeightedSumLaw(law.Name.Text, terms.ToImmutable()));
    }

    public static string FormName(LawForm form) => form switch
    {
        LawForm.Annealing => "annealing law (Eq. 1)",
        LawForm.Cpt => "CPT law (Eq. 4)",
        LawForm.Replay => "replay law (Eq. 8)",
        LawForm.ModelSize => "model-size law (Eq. 7)",
        LawForm.OpenModel => "open-model law (unknown pre-training)",
        LawForm.MultiPower => "Multi-Power Law (MPL)",
        _ => form.ToString(),
    };
}
