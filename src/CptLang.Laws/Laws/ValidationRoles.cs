using CptLang.Laws.Schedules;

namespace CptLang.Laws.Laws;

/// <summary>Which domain a validation set is drawn from, by name: a law named after the run's
/// pre-training domain is <see cref="ValidationRole.General"/>, one named after the continual
/// domain is <see cref="ValidationRole.Domain"/>, any other is <see cref="ValidationRole.Unspecified"/>.</summary>
public static class ValidationRoles
{
    public static ValidationRole Of(string lawName, EvaluationPlan plan)
    {
        if (plan.Pretraining is { } pt && string.Equals(pt.Domain, lawName, StringComparison.Ordinal)) return ValidationRole.General;
        if (plan.Continual is { } cpt && string.Equals(cpt.Domain, lawName, StringComparison.Ordinal)) return ValidationRole.Domain;
        return ValidationRole.Unspecified;
    }
}
