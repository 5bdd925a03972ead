using System.Collections.Immutable;
using CptLang.Laws.Laws;

namespace CptLang.Laws.Presets;

/// <summary>
/// A published parameter set usable by name from .cpt files. Some are incomplete on purpose:
/// the paper does not print every parameter (Fig. 19 omits <c>beta</c>) or the parameter
/// depends on the user's model (Fig. 15's <c>N</c>); <see cref="Missing"/> names what the user
/// must supply.
/// </summary>
/// <param name="Name">Dotted name, e.g. <c>paper.fig3.general</c>.</param>
/// <param name="Role">The kind of validation set it was fitted on.</param>
/// <param name="Values">The printed values, by <see cref="LawParameterNames"/>.</param>
/// <param name="Missing">Parameters of <see cref="Form"/> the preset does not give, canonical order.</param>
/// <param name="Description">One line: figure, model size, datasets.</param>
public sealed record LawPreset(
    string Name,
    LawForm Form,
    ValidationRole Role,
    ImmutableDictionary<string, double> Values,
    ImmutableArray<string> Missing,
    string Description)
{
    public bool IsComplete => Missing.IsEmpty;

    /// <summary>The parameters; throws <see cref="InvalidOperationException"/> when incomplete.</summary>
    public LawParameters ToParameters() => IsComplete
        ? new LawParameters(Form, Values)
        : throw new InvalidOperationException($"preset {Name} does not give {string.Join(", ", Missing)}; supply {(Missing.Length == 1 ? "it" : "them")}");

    /// <summary>The parameters with <paramref name="supplied"/> filling the missing ones and
    /// overriding given ones; throws <see cref="ArgumentException"/> if some are still missing
    /// or a name is not a parameter of the form.</summary>
    public LawParameters With(IReadOnlyDictionary<string, double> supplied)
    {
        var values = Values.SetItems(supplied);
        return new LawParameters(Form, values);
    }
}

/// <summary>Out-of-domain weights of Eq. 6 (<c>L = k1·L_general + k2·L_domain</c>), as published.</summary>
public sealed record OodWeightPreset(string Name, double GeneralWeight, double DomainWeight, string Description);
