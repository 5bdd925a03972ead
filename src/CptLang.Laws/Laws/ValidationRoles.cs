using CptLang.Laws.Schedules;

namespace CptLang.Laws.Laws;

/// <summary>Which domain a validation set is drawn from, by name: a law named after the run's
/// pre-training domain is <see cref="ValidationRole.General"/>, one named after the continual
/// domain is <see cref="ValidationRole.Domain"/>, any other is <see cref="ValidationRole.Unspecified"/>.
/// The one place that decides it (binder, law engine and commands all ask here).</summary>
public static class ValidationRoles
{
    public static ValidationRole Of(string lawName, EvaluationPlan plan) =>
        Of(lawName, plan.Pretraining?.Domain, plan.Continual?.Domain);

    /// <summary>The same from the run's two domains (the binder decides before there is a plan).</summary>
    public static ValidationRole Of(string lawName, string? pretrainingDomain, string? continualDomain)
    {
        if (string.Equals(pretrainingDomain, lawName, StringComparison.Ordinal)) return ValidationRole.General;
        if (string.Equals(continualDomain, lawName, StringComparison.Ordinal)) return ValidationRole.Domain;
        return ValidationRole.Unspecified;
    }

    /// <summary>The names of the run's general-domain and new-domain laws among
    /// <paramref name="lawNames"/>; each null when no law is named after that domain.</summary>
    public static (string? General, string? Domain) LawsOf(IEnumerable<string> lawNames, EvaluationPlan plan) =>
        LawsOf(lawNames, plan.Pretraining?.Domain, plan.Continual?.Domain);

    public static (string? General, string? Domain) LawsOf(IEnumerable<string> lawNames, string? pretrainingDomain, string? continualDomain)
    {
        var names = lawNames as ICollection<string> ?? [.. lawNames];
        return (pretrainingDomain is not null && names.Contains(pretrainingDomain) ? pretrainingDomain : null,
                continualDomain is not null && names.Contains(continualDomain) ? continualDomain : null);
    }
}
