using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Incidents;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Incidents;
using ResetConsole.Features.Policy;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Incidents;

// Journey 7's second half: a policy change under four eyes. Real SQLite, the shipped policy and its test cases, a fake clock.
public sealed class PolicyProposalServiceTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private StaffActor _pat = default!;
    private StaffActor _lee = default!;
    private StaffActor _kim = default!;
    private StaffActor _ari = default!;
    private string _active = default!;

    private PolicyProposalService Proposals => _harness.Get<PolicyProposalService>();

    private IPolicyCatalog Catalog => _harness.Get<IPolicyCatalog>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _pat = await _harness.StaffAsync("pat", Roles.PolicyAdmin);
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        _kim = await _harness.StaffAsync("kim", Roles.SecurityLead);
        _ari = await _harness.StaffAsync("ari", Roles.Auditor);
        _active = await Catalog.GetTextAsync(1);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Propose_ByAPolicyAdmin_WaitsAgainstTheActiveVersionAndIsAudited()
    {
        var id = await Proposals.ProposeAsync(_pat, Draft());

        var details = await Proposals.GetAsync(_kim, id);
        Assert.Equal((ProposalStatus.Proposed, 1, "pat"), (details.Proposal.Status, details.Proposal.BaseVersion, details.Proposal.ProposedById));
        Assert.True(details.CanDecide);
        Assert.Equal(1, (await Catalog.GetActiveAsync()).Version);
        Assert.Equal(["policy.proposed"], await ActionsAsync("succeeded"));
    }

    [Fact]
    public async Task Propose_InvalidText_IsRefusedWithLineAndColumn_StoresNothing_AndIsAudited()
    {
        var (yaml, line) = PolicyEdits.UnknownStepKind(_active);

        var refusal = await Assert.ThrowsAsync<ProposalInvalidException>(() => Proposals.ProposeAsync(_pat, Draft(yaml)));

        var error = Assert.Single(refusal.Check.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains("'sms-code' is not known", error.Message);
        Assert.Contains($"line {line}, column {error.Column}", refusal.Message);
        await using var db = await _harness.DbAsync();
        Assert.False(await db.PolicyProposals.AnyAsync());
        Assert.Equal(["policy.propose"], await ActionsAsync("refused"));
    }

    [Fact]
    public async Task Propose_TextThatFailsThePolicyTestCases_IsRefusedNamingTheCase()
    {
        var yaml = PolicyEdits.ReplaceLine(_active, "      groups: [Finance Approvers, Payroll]", "      groups: [Payroll]");

        var refusal = await Assert.ThrowsAsync<ProposalInvalidException>(() => Proposals.ProposeAsync(_pat, Draft(yaml)));

        Assert.True(refusal.Check.IsValid);
        Assert.Contains("case 'finance approver, MFA reset needs code plus push or manager, supervisor approval'", refusal.Message);
    }

    [Fact]
    public async Task Propose_ByAnAuditorOrAnAgent_IsRefusedAndAudited()
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() => Proposals.ProposeAsync(_ari, Draft()));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Proposals.ProposeAsync(_dana, Draft()));

        await using var db = await _harness.DbAsync();
        Assert.False(await db.PolicyProposals.AnyAsync());
        Assert.Equal(["ari", "dana"], await db.AuditEntries.Where(e => e.Action == "policy.propose" && e.Outcome == "refused").OrderBy(e => e.Sequence).Select(e => e.ActorId).ToListAsync());
    }

    [Fact]
    public async Task Propose_ByAVendor_IsRefusedWhateverTheirRoles()
    {
        var vic = await VendorAsync("vic", Roles.SecurityLead);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Proposals.ProposeAsync(vic, Draft()));

        Assert.Contains("vendor", refusal.Message);
    }

    [Fact]
    public async Task Propose_FromAClosedIncident_IsRefused()
    {
        var incidentId = await IncidentAsync();
        await _harness.Get<IncidentService>().RecordFindingsAsync(_lee, incidentId, "Caller knew the manager's name.");
        await _harness.Get<IncidentService>().CloseAsync(_lee, incidentId, "No change needed.");

        var refusal = await Assert.ThrowsAsync<IncidentRuleException>(() => Proposals.ProposeAsync(_pat, Draft() with { IncidentId = incidentId }));

        Assert.Contains("is closed", refusal.Message);
    }

    [Fact]
    public async Task Approve_ByAPolicyAdmin_IsRefusedAndAudited()
    {
        var id = await Proposals.ProposeAsync(_lee, Draft());

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Proposals.ApproveAsync(_pat, id, null));

        Assert.Equal("This needs the role SecurityLead.", refusal.Message);
        await AssertStillProposedAsync(id);
        Assert.Equal(["policy.approve"], await ActionsAsync("refused"));
    }

    [Fact]
    public async Task Approve_ByTheSecurityLeadWhoProposedIt_IsRefusedAndAudited()
    {
        var id = await Proposals.ProposeAsync(_lee, Draft());

        var refusal = await Assert.ThrowsAsync<IncidentRuleException>(() => Proposals.ApproveAsync(_lee, id, null));

        Assert.Equal("You proposed this change; a different security lead must approve it.", refusal.Message);
        await AssertStillProposedAsync(id);
        await using var db = await _harness.DbAsync();
        var audited = await db.AuditEntries.SingleAsync(e => e.Action == "policy.approve");
        Assert.Equal(("refused", "lee"), (audited.Outcome, audited.ActorId));
        Assert.Contains(id.ToString(), audited.DetailsJson);
    }

    [Fact]
    public async Task Approve_ByASecurityLeadWhoLostTheRoleSinceSigningIn_IsRefused()
    {
        var id = await Proposals.ProposeAsync(_pat, Draft());
        await using (var db = await _harness.DbAsync())
        {
            (await db.Staff.SingleAsync(s => s.SubjectId == "kim")).Roles = Roles.Auditor;
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<AccessRefusedException>(() => Proposals.ApproveAsync(_kim, id, null));

        await AssertStillProposedAsync(id);
    }

    [Fact]
    public async Task Approve_ByADifferentSecurityLead_ActivatesTheNextVersionWithProposerApproverReasonAndIncident()
    {
        var incidentId = await IncidentAsync();
        var id = await Proposals.ProposeAsync(_pat, Draft() with { IncidentId = incidentId });
        _harness.Time.Advance(TimeSpan.FromMinutes(5));

        var version = await Proposals.ApproveAsync(_kim, id, "matches the findings");

        Assert.Equal(2, version);
        var active = await Catalog.GetActiveAsync();
        Assert.Equal((2, "pat", "kim"), (active.Version, active.AuthorName, active.ApproverName));
        Assert.Equal("elevated", active.Policy.Definition.TierRules.Single(r => r.Id == "contractors").TierId);
        var history = await Catalog.ListVersionsAsync();
        Assert.Equal((2, true, id, incidentId, "Contractors were talked through a code reset"),
            (history[0].Number, history[0].IsActive, history[0].ProposalId!.Value, history[0].IncidentId!.Value, history[0].Reason));
        Assert.False(history[1].IsActive);
        var approved = await Proposals.GetAsync(_pat, id);
        Assert.Equal((ProposalStatus.Activated, 2, "kim"), (approved.Proposal.Status, approved.Proposal.ActivatedVersion!.Value, approved.Proposal.DecidedById!));
        Assert.Equal(["incident.opened", "policy.proposed", "policy.approved"], await ActionsAsync("succeeded"));
    }

    [Fact]
    public async Task Approve_AfterAnotherChangeWasActivated_IsRefusedAsStaleAndAudited()
    {
        var first = await Proposals.ProposeAsync(_pat, Draft());
        var second = await Proposals.ProposeAsync(_lee, Draft(PolicyEdits.ReplaceLine(_active, "verification-validity: 15m", "verification-validity: 10m")));
        await Proposals.ApproveAsync(_kim, first, null);

        var refusal = await Assert.ThrowsAsync<IncidentRuleException>(() => Proposals.ApproveAsync(_kim, second, null));

        Assert.Contains("The active policy changed since this was proposed (drafted against version 1, version 2 is active now)", refusal.Message);
        Assert.Contains("rebase", refusal.Message);
        Assert.Equal(ProposalStatus.Proposed, (await Proposals.GetAsync(_ari, second)).Proposal.Status);
        Assert.Equal(2, (await Catalog.GetActiveAsync()).Version);
        Assert.Equal(["policy.approve"], await ActionsAsync("refused"));
        Assert.Equal(refusal.Message, (await Proposals.GetAsync(_kim, second)).WhyNotApprovable);
    }

    [Fact]
    public async Task Approve_OpenCasesKeepTheirVersion_WhileNewCasesUseTheNewOne()
    {
        var cases = _harness.Get<CaseService>();
        var jamie = await _harness.SubjectIdAsync(DemoAccounts.Contractor);
        var before = await cases.OpenAsync(_dana, new OpenCaseRequest(jamie, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-7001"));
        var id = await Proposals.ProposeAsync(_pat, Draft());

        await Proposals.ApproveAsync(_kim, id, null);

        var after = await cases.OpenAsync(_dana, new OpenCaseRequest(jamie, RequestedAction.Unlock, RequestChannel.Phone, "INC-7002"));
        await cases.RefreshAsync(_dana, before);
        var open = (await cases.GetAsync(_dana, before)).Case;
        var opened = (await cases.GetAsync(_dana, after)).Case;
        Assert.Equal((1, "standard", CaseStatus.Verifying), (open.PolicyVersion, open.TierId, open.Status));
        Assert.Equal([StepKind.OneTimeCode], open.Steps.SelectMany(s => s.Options.Select(o => o.Kind)).ToArray());
        Assert.Equal((2, "elevated"), (opened.PolicyVersion, opened.TierId));
        Assert.Contains(opened.Reasons, r => r.Text == "member of Contractors");
        Assert.True(opened.RequiresApproval);
    }

    [Fact]
    public async Task Preview_ShowsTheChangedLinesAndWhichAccountsChangeTier()
    {
        var incidentId = await IncidentAsync();

        var review = await Proposals.PreviewAsync(_pat, PolicyEdits.ContractorsElevated(_active), incidentId);

        Assert.True(review.Check.TestsPass);
        Assert.Equal(6, review.Diff.Count(l => l.Kind == DiffKind.Added));
        Assert.DoesNotContain(review.Diff, l => l.Kind == DiffKind.Removed);
        var jamie = review.Impact.Single(r => r.Username == DemoAccounts.Contractor);
        Assert.Equal(("Standard", "Elevated", true), (jamie.Before.TierName, jamie.After.TierName, jamie.InIncident));
        Assert.Equal("1 in the supervisor queue", jamie.After.Approval);
        Assert.False(review.Impact.Single(r => r.Username == DemoAccounts.StandardEmployee).Changed);
        Assert.Equal([DemoAccounts.Contractor], review.Impact.Where(r => r.Changed).Select(r => r.Username).ToArray());
    }

    [Fact]
    public async Task Preview_ByAnAuditor_IsRefused()
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() => Proposals.PreviewAsync(_ari, _active, null));
    }

    [Fact]
    public async Task Reject_ByAnotherSecurityLead_NeedsAReasonAndIsAudited_WhileTheProposerCanOnlyWithdraw()
    {
        var rejected = await Proposals.ProposeAsync(_pat, Draft());
        var withdrawn = await Proposals.ProposeAsync(_lee, Draft());

        await Assert.ThrowsAsync<IncidentRuleException>(() => Proposals.RejectAsync(_kim, rejected, " "));
        await Assert.ThrowsAsync<IncidentRuleException>(() => Proposals.RejectAsync(_lee, withdrawn, "no"));
        await Proposals.RejectAsync(_kim, rejected, "Too broad: contractors in Facilities never hold data access.");
        await Proposals.WithdrawAsync(_lee, withdrawn, null);

        Assert.Equal(ProposalStatus.Rejected, (await Proposals.GetAsync(_ari, rejected)).Proposal.Status);
        Assert.Equal(ProposalStatus.Withdrawn, (await Proposals.GetAsync(_ari, withdrawn)).Proposal.Status);
        await Assert.ThrowsAsync<IncidentRuleException>(() => Proposals.ApproveAsync(_kim, withdrawn, null));
        Assert.Equal(["policy.proposed", "policy.proposed", "policy.rejected", "policy.withdrawn"], await ActionsAsync("succeeded"));
        Assert.Equal(["policy.reject", "policy.reject", "policy.approve"], await ActionsAsync("refused"));
    }

    private ProposalDraft Draft(string? yaml = null) =>
        new(yaml ?? PolicyEdits.ContractorsElevated(_active), "Contractors were talked through a code reset", null);

    private async Task<Guid> IncidentAsync()
    {
        var cases = _harness.Get<CaseService>();
        var jamie = await _harness.SubjectIdAsync(DemoAccounts.Contractor);
        var caseId = await cases.OpenAsync(_dana, new OpenCaseRequest(jamie, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-7000"));
        await cases.FreezeAsync(_dana, caseId, "caller pressed for urgency");
        return await _harness.Get<IncidentService>().OpenAsync(_lee, "Contractor impersonation", null, [caseId]);
    }

    private async Task AssertStillProposedAsync(Guid id)
    {
        Assert.Equal(ProposalStatus.Proposed, (await Proposals.GetAsync(_ari, id)).Proposal.Status);
        Assert.Equal(1, (await Catalog.GetActiveAsync()).Version);
        await using var db = await _harness.DbAsync();
        Assert.Equal(1, await db.PolicyVersions.CountAsync());
    }

    /// <summary>Incident and policy audit actions with this outcome, in order.</summary>
    private async Task<List<string>> ActionsAsync(string outcome)
    {
        await using var db = await _harness.DbAsync();
        return await db.AuditEntries.Where(e => e.Outcome == outcome && (e.Action.StartsWith("policy.") || e.Action.StartsWith("incident.")))
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
    }

    private async Task<StaffActor> VendorAsync(string username, string role)
    {
        var actor = await _harness.StaffAsync(username, role);
        await using var db = await _harness.DbAsync();
        (await db.Staff.SingleAsync(s => s.SubjectId == username)).IsVendor = true;
        await db.SaveChangesAsync();
        return actor;
    }
}
