using ResetConsole.Domain.Incidents;

namespace ResetConsole.Tests.Unit.Domain.Incidents;

public sealed class IncidentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Open_WithoutACase_IsRefused()
    {
        Assert.Throws<IncidentRuleException>(() => Incident.Open("Caller impersonated a contractor", null, [], "lee", "Lee", Now));
    }

    [Fact]
    public void AddCase_AlreadyInTheIncident_IsRefused()
    {
        var incident = Incident.Open("Caller impersonated a contractor", null, [Case(1)], "lee", "Lee", Now);

        Assert.Throws<IncidentRuleException>(() => incident.AddCase(Case(1), Now));
    }

    [Fact]
    public void Close_WithoutFindings_IsRefusedAndAfterClosingNothingChanges()
    {
        var incident = Incident.Open("Caller impersonated a contractor", null, [Case(1)], "lee", "Lee", Now);
        Assert.Throws<IncidentRuleException>(() => incident.Close("done", "lee", "Lee", Now));

        incident.RecordFindings("The caller knew the contractor's manager's name.", "lee", "Lee", Now);
        incident.Close("Policy changed in version 2.", "lee", "Lee", Now);

        Assert.Equal(IncidentStatus.Closed, incident.Status);
        Assert.Throws<IncidentRuleException>(() => incident.RecordFindings("more", "kim", "Kim", Now));
        Assert.Throws<IncidentRuleException>(() => incident.AddCase(Case(2), Now));
    }

    private static IncidentCase Case(int n) => new()
    {
        CaseId = new Guid(n, 0, 0, new byte[8]),
        Reference = $"RC-{n:D8}",
        SubjectId = $"s-{n}",
        SubjectName = $"Subject {n}",
        SubjectUsername = $"subject.{n}",
        TierId = "standard",
        PolicyVersion = 1,
        StatusWhenAdded = "Frozen",
        AddedAt = Now,
    };
}
