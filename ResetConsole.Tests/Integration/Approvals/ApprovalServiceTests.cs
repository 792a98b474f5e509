using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Verification;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Approvals;

// Every test has a time limit: a decision that never returns (a deadlocked gate) must fail the test, not hang the run.
public sealed class ApprovalServiceTests : IAsyncLifetime
{
    private const int Limit = 15_000;
    private const string Approve = "approval.approve";
    private const string Reject = "approval.reject";

    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private StaffActor _sue = default!;
    private StaffActor _sam = default!;
    private StaffActor _lee = default!;
    private StaffActor _lin = default!;

    private CaseService Cases => _harness.Get<CaseService>();

    private VerificationService Verification => _harness.Get<VerificationService>();

    private ApprovalService Approvals => _harness.Get<ApprovalService>();

    private DateTimeOffset Now => _harness.Time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _sue = await _harness.StaffAsync("sue", Roles.Supervisor);
        _sam = await _harness.StaffAsync("sam", Roles.Supervisor);
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        _lin = await _harness.StaffAsync("lin", Roles.SecurityLead);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = Limit)]
    public async Task Decide_SupervisorApprovesElevatedCase_ApprovesIt()
    {
        var caseId = await AwaitingElevatedAsync();

        await DecideAsync(_sue, caseId, approve: true);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(CaseStatus.Approved, recoveryCase.Status);
        Assert.Equal(Now, recoveryCase.ApprovedAt);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_Approve_StoresTheDecisionBoundToTheReviewedHash()
    {
        var caseId = await AwaitingElevatedAsync();
        var review = await Approvals.ReviewAsync(_sue, caseId);

        await Approvals.DecideAsync(_sue, caseId, approve: true, "caller known to me", review.Hash);

        var decision = Assert.Single(await DecisionsAsync(caseId));
        Assert.Equal(("sue", true, review.Hash, "caller known to me"), (decision.ApproverId, decision.Approved, decision.RequestHash, decision.Reason));
        Assert.Equal(Now + TimeSpan.FromMinutes(30), decision.ValidUntil);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_Approve_WritesASucceededAuditEntry()
    {
        var caseId = await AwaitingElevatedAsync();

        await DecideAsync(_sue, caseId, approve: true);

        Assert.True(await AuditedAsync(caseId, "approval.approved", "succeeded", "sue"));
    }

    [Fact(Timeout = Limit)]
    public async Task Review_ByAnEligibleSupervisor_CanDecide()
    {
        var caseId = await AwaitingElevatedAsync();

        var review = await Approvals.ReviewAsync(_sue, caseId);

        Assert.True(review.CanDecide);
        Assert.Equal(ApprovalHash.Compute(await CaseAsync(caseId)), review.Hash);
    }

    // Separation of duties, each against current data.

    [Fact(Timeout = Limit)]
    public async Task Decide_ByTheAgentWhoOpenedTheCase_IsRefusedAndAudited()
    {
        var caseId = await AwaitingElevatedAsync();
        var hash = await HashAsync(caseId);
        var dana = await _harness.StaffAsync("dana", Roles.Agent, Roles.Supervisor);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.DecideAsync(dana, caseId, true, null, hash));

        Assert.Equal("You opened this case, so you cannot approve it.", refusal.Message);
        await AssertRefusedAsync(caseId, Approve, "dana");
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_BySomeoneWhoRecordedVerification_IsRefusedAndAudited()
    {
        var (caseId, manager) = await AwaitingElevatedAttestedByManagerAsync();
        var supervisor = await _harness.StaffAsync(manager, Roles.Supervisor);
        var hash = await HashAsync(caseId);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.DecideAsync(supervisor, caseId, true, null, hash));

        Assert.Equal("You recorded verification on this case, so you cannot approve it.", refusal.Message);
        await AssertRefusedAsync(caseId, Approve, manager);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_ByTheSubjectSignedInAsSecurityLead_IsRefusedAndAudited()
    {
        var caseId = await AwaitingPrivilegedAsync();
        var subject = await _harness.StaffAsync(DemoAccounts.DomainAdmin, Roles.SecurityLead);
        var hash = await HashAsync(caseId);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.DecideAsync(subject, caseId, true, null, hash));

        Assert.Equal("This case is about your own account.", refusal.Message);
        await AssertRefusedAsync(caseId, Approve, DemoAccounts.DomainAdmin);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_ByTheSubjectsManagerOnAPrivilegedCase_IsRefusedAndAudited()
    {
        var caseId = await AwaitingPrivilegedAsync();
        var managerUsername = await ManagerUsernameAsync(DemoAccounts.DomainAdmin);
        var manager = await _harness.StaffAsync(managerUsername, Roles.SecurityLead);
        var hash = await HashAsync(caseId);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.DecideAsync(manager, caseId, true, null, hash));

        Assert.Contains("manager", refusal.Message);
        await AssertRefusedAsync(caseId, Approve, managerUsername);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_ByAVendorSupervisor_IsRefusedAndAudited()
    {
        var caseId = await AwaitingElevatedAsync();
        var vic = await VendorAsync("vic", Roles.Supervisor);
        var hash = await HashAsync(caseId);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.DecideAsync(vic, caseId, true, null, hash));

        Assert.Equal("Outsourced (vendor) staff never approve.", refusal.Message);
        await AssertRefusedAsync(caseId, Approve, "vic");
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_ByTheSubjectsManagerOnAnElevatedCase_IsAllowedBecauseThePolicyDoesNotExcludeThem()
    {
        var caseId = await AwaitingElevatedAsync();
        var manager = await _harness.StaffAsync(await ManagerUsernameAsync(DemoAccounts.FinanceApprover), Roles.Supervisor);

        await DecideAsync(manager, caseId, approve: true);

        Assert.Equal(CaseStatus.Approved, (await CaseAsync(caseId)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_ByASupervisorInTheSecurityQueue_IsRefusedAndAudited()
    {
        var caseId = await AwaitingPrivilegedAsync();
        var hash = await HashAsync(caseId);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.DecideAsync(_sue, caseId, true, null, hash));

        Assert.Equal("The Security queue needs the role SecurityLead.", refusal.Message);
        await AssertRefusedAsync(caseId, Approve, "sue");
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_BySomeoneWhoseApproverRoleWasRemovedSinceSignIn_IsRefusedAndAudited()
    {
        var caseId = await AwaitingElevatedAsync();
        var hash = await HashAsync(caseId);
        await using (var db = await _harness.DbAsync())
        {
            var staff = await db.Staff.SingleAsync(s => s.SubjectId == "sue");
            staff.Roles = Roles.Agent;
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.DecideAsync(_sue, caseId, true, null, hash));

        await AssertRefusedAsync(caseId, Approve, "sue");
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_SecondApprovalOfAPrivilegedCaseBySamePerson_IsRefusedAndAudited()
    {
        var caseId = await AwaitingPrivilegedAsync();
        await DecideAsync(_lee, caseId, approve: true);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => DecideAsync(_lee, caseId, approve: true));

        Assert.Equal("You already approved this case; a second approval must come from someone else.", refusal.Message);
        Assert.Equal(CaseStatus.AwaitingApproval, (await CaseAsync(caseId)).Status);
        Assert.Single(await DecisionsAsync(caseId));
        await AssertRefusedAsync(caseId, Approve, "lee");
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_FirstOfTwoApprovalsOfAPrivilegedCase_KeepsItAwaitingApproval()
    {
        var caseId = await AwaitingPrivilegedAsync();

        await DecideAsync(_lee, caseId, approve: true);

        Assert.Equal(CaseStatus.AwaitingApproval, (await CaseAsync(caseId)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_TwoDifferentSecurityLeadsApprovePrivilegedCase_ApprovesItIntoTheCoolDown()
    {
        var caseId = await AwaitingPrivilegedAsync();
        await DecideAsync(_lee, caseId, approve: true);

        await DecideAsync(_lin, caseId, approve: true);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(CaseStatus.CoolingDown, recoveryCase.Status);
        Assert.Equal(["lee", "lin"], (await DecisionsAsync(caseId)).Select(d => d.ApproverId).Order());
    }

    // Bound to what was reviewed.

    [Fact(Timeout = Limit)]
    public async Task Decide_AfterANewSignalChangedTheCase_IsRefusedAsChangedAndAudited()
    {
        var caseId = await AwaitingPrivilegedAsync();
        var staleHash = await HashAsync(caseId, _lee);
        await ChangeAContactOfRecordAsync(DemoAccounts.DomainAdmin);
        await Cases.RefreshAsync(_dana, caseId);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Approvals.DecideAsync(_lee, caseId, true, null, staleHash));

        Assert.Equal("This case changed after you opened it; review it again.", refusal.Message);
        Assert.Empty(await DecisionsAsync(caseId));
        await AssertRefusedAsync(caseId, Approve, "lee");
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_AfterReviewingTheChangedCaseAgain_IsRecorded()
    {
        var caseId = await AwaitingPrivilegedAsync();
        var staleHash = await HashAsync(caseId, _lee);
        await ChangeAContactOfRecordAsync(DemoAccounts.DomainAdmin);
        await Cases.RefreshAsync(_dana, caseId);
        var freshHash = await HashAsync(caseId, _lee);

        await Approvals.DecideAsync(_lee, caseId, true, null, freshHash);

        Assert.NotEqual(staleHash, freshHash);
        Assert.Equal(freshHash, Assert.Single(await DecisionsAsync(caseId)).RequestHash);
    }

    // Reject.

    [Fact(Timeout = Limit)]
    public async Task Decide_RejectWithoutAReason_IsRefusedAndAudited()
    {
        var caseId = await AwaitingElevatedAsync();
        var hash = await HashAsync(caseId);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Approvals.DecideAsync(_sue, caseId, false, "   ", hash));

        Assert.Equal("A reason is required to reject.", refusal.Message);
        Assert.Equal(CaseStatus.AwaitingApproval, (await CaseAsync(caseId)).Status);
        await AssertRefusedAsync(caseId, Reject, "sue");
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_RejectWithAReason_ClosesTheCaseAsRejected()
    {
        var caseId = await AwaitingElevatedAsync();
        var hash = await HashAsync(caseId);

        await Approvals.DecideAsync(_sue, caseId, false, "caller could not name their cost centre", hash);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(CaseStatus.Rejected, recoveryCase.Status);
        Assert.Equal(Now, recoveryCase.ClosedAt);
        Assert.Contains("caller could not name their cost centre", recoveryCase.ClosedReason);
        Assert.True(await AuditedAsync(caseId, "approval.rejected", "succeeded", "sue"));
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_OnARejectedCase_IsRefusedAsAlreadyDecided()
    {
        var caseId = await AwaitingElevatedAsync();
        var hash = await HashAsync(caseId);
        await Approvals.DecideAsync(_sue, caseId, false, "story did not add up", hash);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Approvals.DecideAsync(_sam, caseId, true, null, hash));

        Assert.Equal("This case was already decided.", refusal.Message);
    }

    // Exactly once.

    [Fact(Timeout = Limit)]
    public async Task Decide_TwoSupervisorsApproveAtTheSameMoment_ExactlyOneWins()
    {
        var caseId = await AwaitingElevatedAsync();
        var hash = await HashAsync(caseId);

        var outcomes = await Task.WhenAll(
            AttemptAsync(() => Approvals.DecideAsync(_sue, caseId, true, null, hash)),
            AttemptAsync(() => Approvals.DecideAsync(_sam, caseId, true, null, hash)));

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.IsType<CaseRuleException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal("This case was already decided.", loser.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_TwoSupervisorsApproveAtTheSameMoment_StoresOneDecision()
    {
        var caseId = await AwaitingElevatedAsync();
        var hash = await HashAsync(caseId);

        await Task.WhenAll(
            AttemptAsync(() => Approvals.DecideAsync(_sue, caseId, true, null, hash)),
            AttemptAsync(() => Approvals.DecideAsync(_sam, caseId, true, null, hash)));

        Assert.Single(await DecisionsAsync(caseId));
        Assert.Equal(CaseStatus.Approved, (await CaseAsync(caseId)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_TwoSecurityLeadsGiveTheLastPrivilegedApprovalAtOnce_ExactlyOneWins()
    {
        var caseId = await AwaitingPrivilegedAsync();
        await DecideAsync(_lee, caseId, approve: true);
        var kim = await _harness.StaffAsync("kim", Roles.SecurityLead);
        var hash = await HashAsync(caseId, _lin);

        var outcomes = await Task.WhenAll(
            AttemptAsync(() => Approvals.DecideAsync(_lin, caseId, true, null, hash)),
            AttemptAsync(() => Approvals.DecideAsync(kim, caseId, true, null, hash)));

        Assert.Single(outcomes, o => o is null);
        Assert.Contains("already decided", Assert.Single(outcomes, o => o is not null)!.Message);
        Assert.Equal(2, (await DecisionsAsync(caseId)).Count);
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_SupervisorDoubleClicksApprove_StoresOneDecision()
    {
        var caseId = await AwaitingElevatedAsync();
        var hash = await HashAsync(caseId);

        var outcomes = await Task.WhenAll(
            AttemptAsync(() => Approvals.DecideAsync(_sue, caseId, true, null, hash)),
            AttemptAsync(() => Approvals.DecideAsync(_sue, caseId, true, null, hash)));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(await DecisionsAsync(caseId));
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_SecurityLeadDoubleClicksFirstPrivilegedApproval_StoresOneDecisionAndSaysAlreadyApproved()
    {
        var caseId = await AwaitingPrivilegedAsync();
        var hash = await HashAsync(caseId, _lee);

        var outcomes = await Task.WhenAll(
            AttemptAsync(() => Approvals.DecideAsync(_lee, caseId, true, null, hash)),
            AttemptAsync(() => Approvals.DecideAsync(_lee, caseId, true, null, hash)));

        Assert.Single(await DecisionsAsync(caseId));
        Assert.Contains("already", Assert.Single(outcomes, o => o is not null)!.Message);
    }

    // Queues.

    [Fact(Timeout = Limit)]
    public async Task Queue_Supervisor_ListsElevatedCasesByDueTime()
    {
        var fiona = await VerifiedElevatedAsync(DemoAccounts.FinanceApprover);
        var elena = await VerifiedElevatedAsync(DemoAccounts.Ceo);
        await Cases.SubmitForApprovalAsync(_dana, elena);
        var firstDue = Now + TimeSpan.FromMinutes(15);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await Cases.SubmitForApprovalAsync(_dana, fiona);

        var page = await Approvals.QueueAsync(_sue, ApprovalQueue.Supervisor, new QueueQuery());

        Assert.Equal([elena, fiona], page.Items.Select(i => i.CaseId));
        Assert.Equal([firstDue, firstDue + TimeSpan.FromMinutes(1)], page.Items.Select(i => i.DueAt));
        Assert.Equal(2, page.TotalCount);
    }

    [Fact(Timeout = Limit)]
    public async Task Queue_Supervisor_DoesNotListPrivilegedCases()
    {
        var elevated = await AwaitingElevatedAsync();
        await AwaitingPrivilegedAsync();

        var page = await Approvals.QueueAsync(_sue, ApprovalQueue.Supervisor, new QueueQuery());

        Assert.Equal([elevated], page.Items.Select(i => i.CaseId));
    }

    [Fact(Timeout = Limit)]
    public async Task Queue_Security_ListsPrivilegedCasesAwaitingTheirSecondApproval()
    {
        await AwaitingElevatedAsync();
        var privileged = await AwaitingPrivilegedAsync();
        await DecideAsync(_lee, privileged, approve: true);

        var page = await Approvals.QueueAsync(_lin, ApprovalQueue.Security, new QueueQuery());

        var item = Assert.Single(page.Items);
        Assert.Equal((privileged, "privileged", 2, 1), (item.CaseId, item.TierId, item.Required, item.Approvals));
    }

    [Fact(Timeout = Limit)]
    public async Task Queue_DecidedCase_LeavesTheQueue()
    {
        var caseId = await AwaitingElevatedAsync();

        await DecideAsync(_sue, caseId, approve: true);

        var page = await Approvals.QueueAsync(_sue, ApprovalQueue.Supervisor, new QueueQuery());
        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact(Timeout = Limit)]
    public async Task Queue_FilteredByTier_ListsOnlyThatTier()
    {
        await AwaitingPrivilegedAsync();
        var nonHuman = await AwaitingServiceAccountAsync();

        var page = await Approvals.QueueAsync(_lee, ApprovalQueue.Security, new QueueQuery(TierId: "non-human"));

        Assert.Equal([nonHuman], page.Items.Select(i => i.CaseId));
        Assert.Equal(1, page.TotalCount);
    }

    [Fact(Timeout = Limit)]
    public async Task Counts_SecurityLead_CountsBothQueues()
    {
        await AwaitingElevatedAsync();
        await AwaitingPrivilegedAsync();

        var counts = await Approvals.CountsAsync(_lee);

        Assert.Equal(new QueueCounts(1, 1), counts);
    }

    [Fact(Timeout = Limit)]
    public async Task Counts_Supervisor_DoesNotCountTheSecurityQueue()
    {
        await AwaitingElevatedAsync();
        await AwaitingPrivilegedAsync();

        var counts = await Approvals.CountsAsync(_sue);

        Assert.Equal(new QueueCounts(1, 0), counts);
    }

    [Fact(Timeout = Limit)]
    public async Task Queue_AuditorReadsTheSecurityQueue_ListsItsItems()
    {
        var caseId = await AwaitingPrivilegedAsync();
        var ari = await _harness.StaffAsync("ari", Roles.Auditor);

        var page = await Approvals.QueueAsync(ari, ApprovalQueue.Security, new QueueQuery());

        Assert.Equal([caseId], page.Items.Select(i => i.CaseId));
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_ByAnAuditor_IsRefusedAndAudited()
    {
        var caseId = await AwaitingPrivilegedAsync();
        var ari = await _harness.StaffAsync("ari", Roles.Auditor);
        var review = await Approvals.ReviewAsync(ari, caseId);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.DecideAsync(ari, caseId, true, null, review.Hash));

        Assert.False(review.CanDecide);
        Assert.Empty(await DecisionsAsync(caseId));
        await AssertRefusedAsync(caseId, Approve, "ari");
    }

    [Fact(Timeout = Limit)]
    public async Task Queue_ReadersWithNoChangeBetween_ShareOnePage_AndADecisionIsSeenByTheNextReader()
    {
        var first = await AwaitingElevatedAsync();
        var second = await VerifiedElevatedAsync(DemoAccounts.Ceo);
        await Cases.SubmitForApprovalAsync(_dana, second);
        var sam = await _harness.StaffAsync("sam", Roles.Supervisor);

        var asSue = await Approvals.QueueAsync(_sue, ApprovalQueue.Supervisor, new QueueQuery());
        var asSam = await Approvals.QueueAsync(sam, ApprovalQueue.Supervisor, new QueueQuery());
        await DecideAsync(_sue, first, approve: false);
        var afterDecision = await Approvals.QueueAsync(sam, ApprovalQueue.Supervisor, new QueueQuery());

        Assert.Same(asSue, asSam);
        Assert.Equal(new[] { first, second }.Order(), asSue.Items.Select(i => i.CaseId).Order());
        Assert.Equal([second], afterDecision.Items.Select(i => i.CaseId));
        Assert.Equal(1, afterDecision.TotalCount);
    }

    [Fact(Timeout = Limit)]
    public async Task Queue_ASharedPageExists_StillChecksEachReadersRolesNow()
    {
        await AwaitingElevatedAsync();
        Assert.Single((await Approvals.QueueAsync(_sue, ApprovalQueue.Supervisor, new QueueQuery())).Items);
        await using (var db = await _harness.DbAsync())
        {
            (await db.Staff.SingleAsync(s => s.SubjectId == "sue")).Roles = Roles.Agent;
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.QueueAsync(_sue, ApprovalQueue.Supervisor, new QueueQuery()));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.QueueAsync(_dana, ApprovalQueue.Supervisor, new QueueQuery()));
    }

    [Fact(Timeout = Limit)]
    public async Task Queue_SupervisorReadsTheSecurityQueue_IsRefused()
    {
        await AwaitingPrivilegedAsync();

        await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.QueueAsync(_sue, ApprovalQueue.Security, new QueueQuery()));
    }

    [Fact(Timeout = Limit)]
    public async Task Review_SupervisorOpensAPrivilegedCase_IsRefused()
    {
        var caseId = await AwaitingPrivilegedAsync();

        await Assert.ThrowsAsync<AccessRefusedException>(() => Approvals.ReviewAsync(_sue, caseId));
    }

    // SLA, escalation and expiry on the fake clock.

    [Fact(Timeout = Limit)]
    public async Task Sweep_BeforeTheSla_DoesNotEscalate()
    {
        var caseId = await AwaitingElevatedAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));

        await Approvals.SweepAsync();

        Assert.Null((await CaseAsync(caseId)).EscalatedAt);
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_PastTheSla_FlagsTheItemEscalated()
    {
        var caseId = await AwaitingElevatedAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        await Approvals.SweepAsync();

        Assert.Equal(Now, (await CaseAsync(caseId)).EscalatedAt);
        Assert.True(Assert.Single((await Approvals.QueueAsync(_sue, ApprovalQueue.Supervisor, new QueueQuery())).Items).Escalated);
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_PastTheSla_NotifiesTheSecurityLeadsMailbox()
    {
        var caseId = await AwaitingElevatedAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        await Approvals.SweepAsync();

        var message = await _harness.LastMessageToAsync($"role:{Roles.SecurityLead}");
        Assert.Equal(("security-leads@northwind.example", (Guid?)caseId), (message.Address, message.CaseId));
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_PastTheSla_WritesAnEscalationAuditEntry()
    {
        var caseId = await AwaitingElevatedAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        await Approvals.SweepAsync();

        Assert.True(await AuditedAsync(caseId, "approval.escalated", "succeeded"));
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_AgainAfterEscalating_DoesNotEscalateTwice()
    {
        var caseId = await AwaitingElevatedAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await Approvals.SweepAsync();
        var escalatedAt = (await CaseAsync(caseId)).EscalatedAt;
        _harness.Time.Advance(TimeSpan.FromMinutes(5));

        await Approvals.SweepAsync();

        Assert.Equal(escalatedAt, (await CaseAsync(caseId)).EscalatedAt);
        await using var db = await _harness.DbAsync();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.CaseId == caseId && m.RecipientId == $"role:{Roles.SecurityLead}"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.CaseId == caseId && e.Action == "approval.escalated"));
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_ApprovedCaseWithinTheValidity_StaysApproved()
    {
        var caseId = await AwaitingElevatedAsync();
        await DecideAsync(_sue, caseId, approve: true);
        _harness.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));

        await Approvals.SweepAsync();

        Assert.Equal(CaseStatus.Approved, (await CaseAsync(caseId)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_ApprovedCaseNotExecutedWithinTheValidity_GoesBackToTheQueue()
    {
        var caseId = await AwaitingElevatedAsync();
        await DecideAsync(_sue, caseId, approve: true);
        _harness.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));

        await Approvals.SweepAsync();

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal((CaseStatus.AwaitingApproval, (DateTimeOffset?)null), (recoveryCase.Status, recoveryCase.ApprovedAt));
        Assert.Equal(Now, Assert.Single(recoveryCase.Decisions).VoidedAt);
        Assert.Equal([caseId], (await Approvals.QueueAsync(_sam, ApprovalQueue.Supervisor, new QueueQuery())).Items.Select(i => i.CaseId));
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_ApprovalLapsed_WritesAnExpiryAuditEntry()
    {
        var caseId = await AwaitingElevatedAsync();
        await DecideAsync(_sue, caseId, approve: true);
        _harness.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));

        await Approvals.SweepAsync();

        Assert.True(await AuditedAsync(caseId, "approval.expired", "succeeded"));
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_ApprovalLapsedAndSentBack_NeedsAFreshApproval()
    {
        var caseId = await AwaitingElevatedAsync();
        await DecideAsync(_sue, caseId, approve: true);
        _harness.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        await Approvals.SweepAsync();

        await DecideAsync(_sue, caseId, approve: true);

        Assert.Equal(CaseStatus.Approved, (await CaseAsync(caseId)).Status);
        Assert.Equal(1, (await CaseAsync(caseId)).CountingApprovals(Now));
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_FirstPrivilegedApprovalLapsesAfterEscalation_VoidsItAndWritesAnExpiryAuditEntry()
    {
        var caseId = await AwaitingPrivilegedAsync();
        await DecideAsync(_lee, caseId, approve: true);
        _harness.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        await Approvals.SweepAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(30));

        await Approvals.SweepAsync();

        Assert.NotNull(Assert.Single(await DecisionsAsync(caseId)).VoidedAt);
        Assert.True(await AuditedAsync(caseId, "approval.expired", "succeeded"));
    }

    [Fact(Timeout = Limit)]
    public async Task Decide_SecondPrivilegedApprovalAfterTheFirstLapsed_KeepsItAwaitingApproval()
    {
        var caseId = await AwaitingPrivilegedAsync();
        await DecideAsync(_lee, caseId, approve: true);
        _harness.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        await DecideAsync(_lin, caseId, approve: true);

        Assert.Equal(CaseStatus.AwaitingApproval, (await CaseAsync(caseId)).Status);
    }

    // Driving cases to the queue through the real services.

    private async Task<Guid> AwaitingElevatedAsync()
    {
        var caseId = await VerifiedElevatedAsync(DemoAccounts.FinanceApprover);
        await Cases.SubmitForApprovalAsync(_dana, caseId);
        return caseId;
    }

    /// <summary>An elevated MFA reset: a code to the email of record, then the subject approves a push.</summary>
    private async Task<Guid> VerifiedElevatedAsync(string username)
    {
        var (caseId, subject) = await OpenAsync(username, RequestedAction.MfaReset);
        await PassCodeStepAsync(caseId, subject);
        var device = subject.Authenticators.First(a => a.Kind == AuthenticatorKind.Push);
        await Verification.SendPushAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.Push), device.Id);
        var prompt = await _harness.LastMessageToAsync(subject.Id);
        await _harness.Get<ChallengeResponder>().RespondAsync(await _harness.StaffAsync(subject.Username), OutboxText.ChallengeId(prompt.Link), approve: true);
        return caseId;
    }

    /// <summary>An elevated MFA reset whose second step is the manager of record's attestation. Returns the manager's username.</summary>
    private async Task<(Guid CaseId, string Manager)> AwaitingElevatedAttestedByManagerAsync()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover, RequestedAction.MfaReset);
        await PassCodeStepAsync(caseId, subject);
        await Verification.RequestAttestationAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.ManagerAttestation), StepKind.ManagerAttestation);
        var request = await _harness.LastMessageToAsync(subject.ManagerId!);
        var manager = await ManagerUsernameAsync(subject.Username);
        await _harness.Get<ChallengeResponder>().RespondAsync(await _harness.StaffAsync(manager), OutboxText.ChallengeId(request.Link), approve: true);
        await Cases.SubmitForApprovalAsync(_dana, caseId);
        return (caseId, manager);
    }

    /// <summary>A privileged password reset: an in-person badge check and a confirmed callback, both by the agent.</summary>
    private async Task<Guid> AwaitingPrivilegedAsync()
    {
        var (caseId, _) = await OpenAsync(DemoAccounts.DomainAdmin, RequestedAction.PasswordReset);
        await Verification.RecordBadgeCheckAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.InPersonBadge), "BADGE-4471", matches: true);
        await Verification.RecordCallbackAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.Callback), CallbackOutcome.Confirmed);
        await Cases.SubmitForApprovalAsync(_dana, caseId);
        return caseId;
    }

    /// <summary>A service account's secret rotation: the accountable owner attests.</summary>
    private async Task<Guid> AwaitingServiceAccountAsync()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.PayrollSyncService, RequestedAction.SecretRotation);
        await Verification.RequestAttestationAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.OwnerAttestation), StepKind.OwnerAttestation);
        var request = await _harness.LastMessageToAsync(subject.OwnerId!);
        var owner = await _harness.Get<IDirectoryConnector>().FindAsync(subject.OwnerId!) ?? throw new InvalidOperationException("No owner of record.");
        await _harness.Get<ChallengeResponder>().RespondAsync(await _harness.StaffAsync(owner.Username), OutboxText.ChallengeId(request.Link), approve: true);
        await Cases.SubmitForApprovalAsync(_dana, caseId);
        return caseId;
    }

    private async Task<(Guid CaseId, Subject Subject)> OpenAsync(string username, RequestedAction action)
    {
        var subject = await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(username) ?? throw new InvalidOperationException($"No account {username}.");
        var caseId = await Cases.OpenAsync(_dana, new OpenCaseRequest(subject.Id, action, RequestChannel.Phone, $"INC-{username}"));
        return (caseId, subject);
    }

    private async Task PassCodeStepAsync(Guid caseId, Subject subject)
    {
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        await Verification.SendCodeAsync(_dana, caseId, step, subject.Contacts.First(c => c.Kind == ContactKind.Email).Id);
        var message = await _harness.LastMessageToAsync(subject.Id);
        await Verification.CheckCodeAsync(_dana, caseId, step, OutboxText.Code(message.Body));
    }

    private async Task<string> ManagerUsernameAsync(string username)
    {
        var directory = _harness.Get<IDirectoryConnector>();
        var subject = await directory.FindByUsernameAsync(username) ?? throw new InvalidOperationException($"No account {username}.");
        var manager = await directory.FindAsync(subject.ManagerId ?? throw new InvalidOperationException($"{username} has no manager of record."));
        return manager?.Username ?? throw new InvalidOperationException("The manager of record is not in the directory.");
    }

    private async Task ChangeAContactOfRecordAsync(string username)
    {
        var subjectId = await _harness.SubjectIdAsync(username);
        await using var db = await _harness.DbAsync();
        var contact = await db.DemoContacts.FirstAsync(c => c.AccountId == subjectId);
        contact.ChangedAt = Now.AddHours(-1);
        await db.SaveChangesAsync();
    }

    /// <summary>Marks the staff record as a vendor's after sign-in; the actor the circuit holds still says otherwise.</summary>
    private async Task<StaffActor> VendorAsync(string username, string role)
    {
        var actor = await _harness.StaffAsync(username, role);
        await using var db = await _harness.DbAsync();
        var staff = await db.Staff.SingleAsync(s => s.SubjectId == username);
        staff.IsVendor = true;
        await db.SaveChangesAsync();
        return actor;
    }

    private async Task DecideAsync(StaffActor approver, Guid caseId, bool approve) =>
        await Approvals.DecideAsync(approver, caseId, approve, approve ? null : "not convinced", await HashAsync(caseId, approver));

    /// <summary>The hash as an approver's screen shows it; a security lead reads any queue.</summary>
    private async Task<string> HashAsync(Guid caseId, StaffActor? reader = null) => (await Approvals.ReviewAsync(reader ?? _lee, caseId)).Hash;

    private async Task<Guid> StepIdAsync(Guid caseId, StepKind kind) => (await CaseAsync(caseId)).Steps.Single(s => s.Allows(kind)).Id;

    private async Task<RecoveryCase> CaseAsync(Guid caseId)
    {
        await using var db = await _harness.DbAsync();
        return await db.RecoveryCases.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == caseId);
    }

    private async Task<List<ApprovalDecision>> DecisionsAsync(Guid caseId)
    {
        await using var db = await _harness.DbAsync();
        return await db.ApprovalDecisions.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync();
    }

    private async Task<bool> AuditedAsync(Guid caseId, string action, string outcome, string? actorId = null)
    {
        await using var db = await _harness.DbAsync();
        return await db.AuditEntries.AnyAsync(e => e.CaseId == caseId && e.Action == action && e.Outcome == outcome && (actorId == null || e.ActorId == actorId));
    }

    private async Task AssertRefusedAsync(Guid caseId, string action, string actorId) =>
        Assert.True(await AuditedAsync(caseId, action, "refused", actorId), $"No refused {action} audit entry for {actorId}.");

    /// <summary>Runs a decision on the thread pool so two of them really overlap; returns the refusal, or null for the winner.</summary>
    private static Task<Exception?> AttemptAsync(Func<Task> decide) => Task.Run(async () =>
    {
        try
        {
            await decide();
            return null;
        }
        catch (Exception ex) when (ex is CaseRuleException or AccessRefusedException)
        {
            return (Exception?)ex;
        }
    });

}
