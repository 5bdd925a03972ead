using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using static CptLang.Laws.Tests.Support.Plans;

namespace CptLang.Laws.Tests.Laws;

/// <summary>The one table of law roles: by name, from a plan or from the two domain names.</summary>
public class ValidationRolesTests
{
    static EvaluationPlan Switching() => TwoStage(new PlanSettings(), [Constant(10, 2e-4)], [Constant(10, 2e-5)]);

    [Theory]
    [InlineData(General, ValidationRole.General)]
    [InlineData(Domain, ValidationRole.Domain)]
    [InlineData("c4", ValidationRole.Unspecified)]
    [InlineData("FineWeb", ValidationRole.Unspecified)] // names are case-sensitive, as in .cpt files
    public void A_law_is_general_or_domain_by_name(string law, ValidationRole role)
    {
        Assert.Equal(role, ValidationRoles.Of(law, Switching()));
        Assert.Equal(role, ValidationRoles.Of(law, General, Domain));
    }

    [Fact]
    public void Without_a_switch_only_the_general_role_exists()
    {
        var plan = Single(new PlanSettings(), Constant(10, 2e-4));
        Assert.Equal(ValidationRole.General, ValidationRoles.Of(General, plan));
        Assert.Equal(ValidationRole.Unspecified, ValidationRoles.Of(Domain, plan));
        Assert.Equal((General, (string?)null), ValidationRoles.LawsOf([General, Domain], plan));
    }

    [Fact]
    public void The_run_laws_are_named_only_when_a_law_is_called_so()
    {
        Assert.Equal((General, Domain), ValidationRoles.LawsOf([Domain, "c4", General], Switching()));
        Assert.Equal(((string?)null, Domain), ValidationRoles.LawsOf([Domain], Switching()));
        Assert.Equal(((string?)null, (string?)null), ValidationRoles.LawsOf([], null, null));
    }
}
