namespace CptLang.Laws.Laws;

/// <summary>One law of a <see cref="LossPredictor"/>, in the order the file declares them.</summary>
/// <param name="Form">The equation; null for an out-of-domain weighted sum (Eq. 6).</param>
/// <param name="Role">From the law's name (see <see cref="ValidationRoles"/>).</param>
/// <param name="IsValid">False when a structural problem prevents any prediction.</param>
public sealed record PredictedLaw(string Name, LawForm? Form, ValidationRole Role, bool IsValid);
