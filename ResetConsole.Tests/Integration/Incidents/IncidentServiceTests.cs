using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Incidents;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Incidents;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Incidents;

// Journey 7's first half: a security lead marks a frozen case as an incident and records findings.
public sealed class IncidentServiceTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private StaffActor _lee = default!;
    private StaffActor _kim = default!;
    private StaffActor _pat = default!;
    private StaffActor _ari = default!;

    private IncidentService Incidents => _harness.Get<IncidentService>();

    private CaseService Cases => _harness.Get<CaseService>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        _kim = await _harness.StaffAsync("kim", Roles.SecurityLead);
        _pat = await _harness.StaffAsync("pat", Roles.PolicyAdmin);
        _ari = await _harness.StaffAsync("ari", Roles.Auditor);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Open_FromAFrozenCase_KeepsTheCaseAsItStoodAndAuditsItOnTheCase()
    {
        var caseId = await FrozenCaseAsync(DemoAccounts.Contractor);

        var id = await Incidents.OpenAsync(_lee, " Contractor impersonation ", "The caller knew the manager's name.", [caseId]);

        var incident = (await Incidents.GetAsync(_pat, id)).Incident;
        var listed = Assert.Single(incident.Cases);
        Assert.Equal((caseId, DemoAccounts.Contractor, "Frozen", 1), (listed.CaseId, listed.SubjectUsername, listed.StatusWhenAdded, listed.PolicyVersion));
        Assert.Equal(("Contractor impersonation", IncidentStatus.Open, "lee"), (incident.Title, incident.Status, incident.OpenedById));
        Assert.Equal([await _harness.SubjectIdAsync(DemoAccounts.Contractor)], incident.SubjectIds);
        await using var db = await _harness.DbAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "incident.opened");
        Assert.Equal((caseId, "succeeded"), (entry.CaseId!.Value, entry.Outcome));
        Assert.Equal("The caller knew the manager's name.", JsonSerializer.Deserialize<Dictionary<string, string>>(entry.DetailsJson)!["findings"]);
    }

    [Theory]
    [InlineData("dana")]
    [InlineData("pat")]
    [InlineData("ari")]
    public async Task Open_BySomeoneWhoIsNotASecurityLead_IsRefusedAndAudited(string who)
    {
        var caseId = await FrozenCaseAsync(DemoAccounts.Contractor);
        var actor = who switch { "dana" => _dana, "pat" => _pat, _ => _ari };

        await Assert.ThrowsAsync<AccessRefusedException>(() => Incidents.OpenAsync(actor, "Contractor impersonation", null, [caseId]));

        await using var db = await _harness.DbAsync();
        Assert.False(await db.Incidents.AnyAsync());
        var refused = await db.AuditEntries.SingleAsync(e => e.Action == "incident.open");
        Assert.Equal((who, "refused", caseId), (refused.ActorId, refused.Outcome, refused.CaseId!.Value));
    }

    [Fact]
    public async Task Open_ForACaseThatDoesNotExist_IsRefused()
    {
        var refusal = await Assert.ThrowsAsync<IncidentRuleException>(() => Incidents.OpenAsync(_lee, "Ghost", null, [Guid.NewGuid()]));

        Assert.Equal("There is no such case.", refusal.Message);
    }

    [Fact]
    public async Task AddCase_AndRecordFindings_ChangeTheIncidentAndAreAudited()
    {
        var first = await FrozenCaseAsync(DemoAccounts.Contractor);
        var second = await FrozenCaseAsync(DemoAccounts.NoEnrolledDevice);
        var id = await Incidents.OpenAsync(_lee, "Two calls, one script", null, [first]);

        await Incidents.AddCaseAsync(_kim, id, second);
        await Incidents.RecordFindingsAsync(_kim, id, "Both callers used the same pretext.");
        await Assert.ThrowsAsync<IncidentRuleException>(() => Incidents.AddCaseAsync(_kim, id, second));

        var incident = (await Incidents.GetAsync(_ari, id)).Incident;
        Assert.Equal([first, second], incident.Cases.OrderBy(c => c.AddedAt).ThenBy(c => c.CaseId == second).Select(c => c.CaseId).ToArray());
        Assert.Equal(("Both callers used the same pretext.", "kim"), (incident.Findings, incident.FindingsById!));
        Assert.Equal([id], (await Incidents.ForCaseAsync(_lee, second)).Select(i => i.Id).ToArray());
        await using var db = await _harness.DbAsync();
        Assert.Equal(["incident.opened", "incident.case-added", "incident.findings-recorded", "incident.add-case"],
            await db.AuditEntries.Where(e => e.Action.StartsWith("incident.")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Close_NeedsFindingsAndANote_AndThenRefusesChanges()
    {
        var id = await Incidents.OpenAsync(_lee, "Contractor impersonation", null, [await FrozenCaseAsync(DemoAccounts.Contractor)]);

        await Assert.ThrowsAsync<IncidentRuleException>(() => Incidents.CloseAsync(_lee, id, "Nothing to see."));
        await Incidents.RecordFindingsAsync(_lee, id, "Caller knew the manager's name.");
        await Incidents.CloseAsync(_lee, id, "Policy version 2 answers it.");
        await Assert.ThrowsAsync<IncidentRuleException>(() => Incidents.RecordFindingsAsync(_kim, id, "More."));

        var details = await Incidents.GetAsync(_lee, id);
        Assert.Equal((IncidentStatus.Closed, false, false), (details.Incident.Status, details.CanEdit, details.CanPropose));
        Assert.Empty(await Incidents.OpenIncidentsAsync(_lee));
    }

    [Fact]
    public async Task Get_ShowsWhatEachReaderMayDo()
    {
        var id = await Incidents.OpenAsync(_lee, "Contractor impersonation", null, [await FrozenCaseAsync(DemoAccounts.Contractor)]);

        var lead = await Incidents.GetAsync(_kim, id);
        var admin = await Incidents.GetAsync(_pat, id);
        var auditor = await Incidents.GetAsync(_ari, id);

        Assert.Equal((true, true, true), (lead.CanEdit, lead.CanPropose, lead.CanOpenCases));
        Assert.Equal((false, true, false), (admin.CanEdit, admin.CanPropose, admin.CanOpenCases));
        Assert.Equal((false, false, true), (auditor.CanEdit, auditor.CanPropose, auditor.CanOpenCases));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Incidents.GetAsync(_dana, id));
    }

    private async Task<Guid> FrozenCaseAsync(string username)
    {
        var subjectId = await _harness.SubjectIdAsync(username);
        var id = await Cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, $"INC-{username}"));
        await Cases.FreezeAsync(_dana, id, "Caller pressed for urgency");
        return id;
    }
}
