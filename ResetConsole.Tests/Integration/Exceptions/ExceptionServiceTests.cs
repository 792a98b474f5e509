using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Exceptions;
using ResetConsole.Features.Verification;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Exceptions;

// Journey 4: an executive abroad with no enrolled device. Real SQLite, the shipped policy, a fake clock.
public sealed class ExceptionServiceTests : IAsyncLifetime
{
    private const int Limit = 15_000;
    private const string DeviceUnavailable = "enrolled-device-unavailable";

    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private StaffActor _sam = default!;
    private StaffActor _lee = default!;
    private StaffActor _kim = default!;
    private StaffActor _ari = default!;

    private ExceptionService Exceptions => _harness.Get<ExceptionService>();

    private VerificationService Verification => _harness.Get<VerificationService>();

    private DateTimeOffset Now => _harness.Time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _sam = await _harness.StaffAsync("sam", Roles.Supervisor);
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        _kim = await _harness.StaffAsync("kim", Roles.SecurityLead);
        _ari = await _harness.StaffAsync("ari", Roles.Auditor);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = Limit)]
    public async Task Options_ExecutiveWithoutDevice_OffersTheDocumentedTypesForThePossessionStepOnly()
    {
        var caseId = await OpenExecutiveCaseAsync();

        var options = await Exceptions.OptionsAsync(_dana, caseId);

        // The elevated script's second step is "push or manager attestation"; both documented types may waive it, neither the code.
        var possession = await StepIdAsync(caseId, StepKind.Push);
        Assert.Equal([(DeviceUnavailable, possession, TimeSpan.FromHours(8)), ("manager-unreachable", possession, TimeSpan.FromHours(4))],
            options.Select(o => (o.TypeId, o.StepId, o.MaxDuration)).ToArray());
    }

    [Fact(Timeout = Limit)]
    public async Task Options_ForAnotherAgentOrAnAuditor_AreEmpty()
    {
        var caseId = await OpenExecutiveCaseAsync();

        Assert.Empty(await Exceptions.OptionsAsync(_ari, caseId));
        Assert.Empty(await Exceptions.OptionsAsync(await _harness.StaffAsync("vic", Roles.Agent), caseId));
    }

    [Fact(Timeout = Limit)]
    public async Task Request_ByTheCaseAgent_IsStoredAsRequestedAndAudited()
    {
        var caseId = await OpenExecutiveCaseAsync();

        var id = await RequestAsync(caseId);

        var grant = await GrantAsync(id);
        Assert.Equal((ExceptionStatus.Requested, "dana", StepKind.Push), (grant.Status, grant.RequestedById, grant.WaivedKind));
        Assert.True(await AuditedAsync(caseId, "exception.requested", "succeeded", "dana"));
    }

    [Fact(Timeout = Limit)]
    public async Task Request_ForAStepTheTypeCannotWaive_IsRefused()
    {
        var caseId = await OpenExecutiveCaseAsync();

        var error = await Assert.ThrowsAsync<CaseRuleException>(() =>
            Exceptions.RequestAsync(_dana, caseId, StepIdSync(caseId, StepKind.OneTimeCode), DeviceUnavailable, "abroad", "travel booking"));

        Assert.Contains("may only waive", error.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Request_OfATypeThePolicyDoesNotDocument_IsRefused()
    {
        var caseId = await OpenExecutiveCaseAsync();

        var error = await Assert.ThrowsAsync<CaseRuleException>(() =>
            Exceptions.RequestAsync(_dana, caseId, StepIdSync(caseId, StepKind.Push), "skip-everything", "abroad", "travel booking"));

        Assert.Contains("documents no exception 'skip-everything'", error.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Request_ForATierTheTypeDoesNotCover_IsRefused()
    {
        // manager-unreachable is documented for the elevated tier only.
        var admin = await Subject(DemoAccounts.DomainAdmin);
        var caseId = await _harness.Get<CaseService>().OpenAsync(_dana, new OpenCaseRequest(admin.Id, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-ADMIN"));

        var error = await Assert.ThrowsAsync<CaseRuleException>(() =>
            Exceptions.RequestAsync(_dana, caseId, StepIdSync(caseId, StepKind.Callback), "manager-unreachable", "on leave", "HR calendar"));

        Assert.Contains("not documented for the Privileged tier", error.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Request_WithoutEvidence_IsRefused()
    {
        var caseId = await OpenExecutiveCaseAsync();

        var error = await Assert.ThrowsAsync<CaseRuleException>(() =>
            Exceptions.RequestAsync(_dana, caseId, StepIdSync(caseId, StepKind.Push), DeviceUnavailable, "abroad", " "));

        Assert.StartsWith("Evidence is required", error.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Request_ByAnotherAgent_IsRefusedAndAudited()
    {
        var caseId = await OpenExecutiveCaseAsync();
        var vic = await _harness.StaffAsync("vic", Roles.Agent);

        await Assert.ThrowsAsync<AccessRefusedException>(() =>
            Exceptions.RequestAsync(vic, caseId, StepIdSync(caseId, StepKind.Push), DeviceUnavailable, "abroad", "booking"));

        Assert.True(await AuditedAsync(caseId, "exception.request", "refused", "vic"));
    }

    [Fact(Timeout = Limit)]
    public async Task Request_TwiceForOneStep_IsRefused()
    {
        var caseId = await OpenExecutiveCaseAsync();
        await RequestAsync(caseId);

        var error = await Assert.ThrowsAsync<CaseRuleException>(() => RequestAsync(caseId));

        Assert.Contains("already asked for", error.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_BySecurityLead_WaivesTheStepUntilTheEndAndVerifiesTheCase()
    {
        var caseId = await OpenExecutiveCaseAsync();
        await PassCodeAsync(caseId);
        var id = await RequestAsync(caseId);

        await Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), "confirmed with the travel desk");

        var grant = await GrantAsync(id);
        Assert.Equal((ExceptionStatus.Active, "lee", Now + TimeSpan.FromHours(4), Now + TimeSpan.FromHours(24)),
            (grant.Status, grant.DecidedById, grant.EndsAt, grant.ReviewDueAt));
        var recoveryCase = await CaseAsync(caseId);
        var step = recoveryCase.Steps.Single(s => s.Id == grant.StepId);
        Assert.Equal((StepStatus.Waived, id, grant.EndsAt), (step.Status, step.WaivedByExceptionId, step.WaivedUntil));
        Assert.Contains(step.Evidence, e => e.Reference == id.ToString() && e.ById == "lee" && e.Method.Contains("waived by exception"));
        Assert.Equal(CaseStatus.Verified, recoveryCase.Status);
        Assert.True(await AuditedAsync(caseId, "exception.granted", "succeeded", "lee"));
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_ThenTheGranterTriesToApprove_IsRefusedAsAVerifier()
    {
        var caseId = await OpenExecutiveCaseAsync();
        await PassCodeAsync(caseId);
        await Exceptions.GrantAsync(_lee, await RequestAsync(caseId), TimeSpan.FromHours(4), null);
        await _harness.Get<CaseService>().SubmitForApprovalAsync(_dana, caseId);
        var approvals = _harness.Get<ApprovalService>();
        var leeAsSupervisor = await _harness.StaffAsync("lee", Roles.SecurityLead, Roles.Supervisor);

        var review = await approvals.ReviewAsync(leeAsSupervisor, caseId);

        Assert.False(review.CanDecide);
        await Assert.ThrowsAnyAsync<Exception>(() => approvals.DecideAsync(leeAsSupervisor, caseId, true, null, review.Hash));
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_LongerThanTheTypeAllows_IsRefused()
    {
        var id = await RequestAsync(await OpenExecutiveCaseAsync());

        var error = await Assert.ThrowsAsync<CaseRuleException>(() => Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(9), null));

        Assert.Contains("at most 8h", error.Message);
        Assert.Equal(ExceptionStatus.Requested, (await GrantAsync(id)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_ByASupervisor_IsRefusedBecauseThePolicyNamesSecurityLeads()
    {
        var caseId = await OpenExecutiveCaseAsync();
        var id = await RequestAsync(caseId);

        var error = await Assert.ThrowsAsync<AccessRefusedException>(() => Exceptions.GrantAsync(_sam, id, TimeSpan.FromHours(1), null));

        Assert.Contains("SecurityLead", error.Message);
        Assert.True(await AuditedAsync(caseId, "exception.grant", "refused", "sam"));
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_ByAVendorAccount_IsRefusedEvenWithTheRole()
    {
        var id = await RequestAsync(await OpenExecutiveCaseAsync());
        var vendor = await _harness.StaffAsync("vsl", Roles.SecurityLead);
        await using (var db = await _harness.DbAsync())
        {
            var staff = await db.Staff.SingleAsync(s => s.SubjectId == "vsl");
            staff.IsVendor = true;
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<AccessRefusedException>(() => Exceptions.GrantAsync(vendor, id, TimeSpan.FromHours(1), null));

        Assert.Contains("vendor", error.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_ByTheRequester_IsRefused()
    {
        // Dana also holds the security lead role: she still cannot grant her own request.
        var danaLead = await _harness.StaffAsync("dana", Roles.Agent, Roles.SecurityLead);
        var id = await RequestAsync(await OpenExecutiveCaseAsync());

        var error = await Assert.ThrowsAsync<CaseRuleException>(() => Exceptions.GrantAsync(danaLead, id, TimeSpan.FromHours(1), null));

        Assert.Contains("someone else must decide", error.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_AfterTheRoleWasTakenAway_IsRefusedAgainstTheCurrentStaffRecord()
    {
        var id = await RequestAsync(await OpenExecutiveCaseAsync());
        await _harness.StaffAsync("lee", Roles.Auditor); // lee's staff record changes; the actor still claims SecurityLead

        await Assert.ThrowsAsync<AccessRefusedException>(() => Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(1), null));
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_TwoLeadsAtOnce_OneWinsAndTheOtherIsToldItWasDecided()
    {
        var id = await RequestAsync(await OpenExecutiveCaseAsync());

        var results = await Task.WhenAll(
            Task.Run(() => Outcome(() => Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), null))),
            Task.Run(() => Outcome(() => Exceptions.GrantAsync(_kim, id, TimeSpan.FromHours(2), null))));

        Assert.Single(results, r => r is null);
        Assert.Contains("already active", Assert.Single(results, r => r is not null));
    }

    [Fact(Timeout = Limit)]
    public async Task Deny_WithAReason_EndsTheRequestAndLeavesTheStepPending()
    {
        var caseId = await OpenExecutiveCaseAsync();
        var id = await RequestAsync(caseId);

        await Exceptions.DenyAsync(_lee, id, "use the manager attestation instead");

        Assert.Equal(ExceptionStatus.Denied, (await GrantAsync(id)).Status);
        Assert.Equal(StepStatus.Pending, (await CaseAsync(caseId)).Steps.Single(s => s.Allows(StepKind.Push)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_AtTheEndTime_ExpiresTheExceptionAndTheCaseMustBeVerifiedAgain()
    {
        var caseId = await OpenExecutiveCaseAsync();
        await PassCodeAsync(caseId);
        var id = await RequestAsync(caseId);
        await Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), null);
        var endsAt = Now + TimeSpan.FromHours(4);

        _harness.Time.Advance(TimeSpan.FromHours(4));
        await Exceptions.SweepAsync();

        var grant = await GrantAsync(id);
        Assert.Equal((ExceptionStatus.Expired, endsAt), (grant.Status, grant.EndedAt));
        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
        Assert.All(recoveryCase.Steps, s => Assert.Equal(StepStatus.Pending, s.Status));
        Assert.True(await AuditedAsync(caseId, "exception.expired", "succeeded", "system"));
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_BeforeTheEndTime_LeavesTheExceptionActive()
    {
        var caseId = await OpenExecutiveCaseAsync();
        var id = await RequestAsync(caseId);
        await Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), null);

        _harness.Time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        await Exceptions.SweepAsync();

        Assert.Equal(ExceptionStatus.Active, (await GrantAsync(id)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Expiry_WhileAwaitingApproval_VoidsTheApprovalPathAndTheCaseCannotBeApproved()
    {
        var caseId = await OpenExecutiveCaseAsync();
        await PassCodeAsync(caseId);
        await Exceptions.GrantAsync(_lee, await RequestAsync(caseId), TimeSpan.FromMinutes(15), null);
        await _harness.Get<CaseService>().SubmitForApprovalAsync(_dana, caseId);
        var review = await _harness.Get<ApprovalService>().ReviewAsync(_sam, caseId);

        _harness.Time.Advance(TimeSpan.FromMinutes(15));
        var error = await Assert.ThrowsAsync<CaseRuleException>(() => _harness.Get<ApprovalService>().DecideAsync(_sam, caseId, true, null, review.Hash));

        Assert.Contains("exception this case relies on has ended", error.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Revoke_BySecurityLead_EndsItNowAndTheCaseMustBeVerifiedAgain()
    {
        var caseId = await OpenExecutiveCaseAsync();
        await PassCodeAsync(caseId);
        var id = await RequestAsync(caseId);
        await Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), null);
        _harness.Time.Advance(TimeSpan.FromMinutes(10));

        await Exceptions.RevokeAsync(_kim, id, "the subject was seen in the office");

        var grant = await GrantAsync(id);
        Assert.Equal((ExceptionStatus.Revoked, Now, "kim"), (grant.Status, grant.EndedAt, grant.EndedById));
        Assert.Equal(CaseStatus.Verifying, (await CaseAsync(caseId)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Revoke_ByAnAuditor_IsRefused()
    {
        var id = await RequestAsync(await OpenExecutiveCaseAsync());
        await Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), null);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Exceptions.RevokeAsync(_ari, id, "audit"));
    }

    [Fact(Timeout = Limit)]
    public async Task Review_ByTheGranter_IsRefused()
    {
        var id = await RequestAsync(await OpenExecutiveCaseAsync());
        await Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), null);

        var error = await Assert.ThrowsAsync<CaseRuleException>(() => Exceptions.ReviewAsync(_lee, id, ReviewOutcome.Appropriate, "fine"));

        Assert.Contains("a different security lead must review", error.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task Review_ByAnotherSecurityLead_RecordsOutcomeAndFindings()
    {
        var caseId = await OpenExecutiveCaseAsync();
        var id = await RequestAsync(caseId);
        await Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), null);

        await Exceptions.ReviewAsync(_kim, id, ReviewOutcome.NeedsPolicyChange, "executives travel often; document a callback alternative");

        var grant = await GrantAsync(id);
        Assert.Equal((ReviewOutcome.NeedsPolicyChange, "kim", Now), (grant.ReviewOutcome, grant.ReviewedById, grant.ReviewedAt));
        Assert.True(await AuditedAsync(caseId, "exception.reviewed", "succeeded", "kim"));
    }

    [Fact(Timeout = Limit)]
    public async Task Review_WithoutFindings_IsRefused()
    {
        var id = await RequestAsync(await OpenExecutiveCaseAsync());
        await Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), null);

        await Assert.ThrowsAsync<CaseRuleException>(() => Exceptions.ReviewAsync(_kim, id, ReviewOutcome.Appropriate, ""));
    }

    [Fact(Timeout = Limit)]
    public async Task Review_ByAnAuditor_IsRefused()
    {
        var id = await RequestAsync(await OpenExecutiveCaseAsync());
        await Exceptions.GrantAsync(_lee, id, TimeSpan.FromHours(4), null);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Exceptions.ReviewAsync(_ari, id, ReviewOutcome.Appropriate, "fine"));
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_PastTheReviewDeadline_RaisesOneOverdueAlert()
    {
        var caseId = await OpenExecutiveCaseAsync();
        await Exceptions.GrantAsync(_lee, await RequestAsync(caseId), TimeSpan.FromHours(4), null);

        _harness.Time.Advance(TimeSpan.FromHours(24));
        await Exceptions.SweepAsync();
        await Exceptions.SweepAsync();

        await using var db = await _harness.DbAsync();
        Assert.Equal(1, await db.SecurityAlerts.CountAsync(a => a.CaseId == caseId && a.Kind == AlertKind.ReviewOverdue));
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_WhileTheGranterHasAnOverdueReview_IsRefusedUntilItIsReviewed()
    {
        var first = await RequestAsync(await OpenExecutiveCaseAsync());
        await Exceptions.GrantAsync(_lee, first, TimeSpan.FromHours(1), null);
        _harness.Time.Advance(TimeSpan.FromHours(25));
        var second = await RequestAsync(await OpenExecutiveCaseAsync(DemoAccounts.Ceo));

        var error = await Assert.ThrowsAsync<CaseRuleException>(() => Exceptions.GrantAsync(_lee, second, TimeSpan.FromHours(1), null));
        Assert.Contains("1 overdue exception review", error.Message);

        await Exceptions.ReviewAsync(_kim, first, ReviewOutcome.Appropriate, "travel confirmed");
        await Exceptions.GrantAsync(_lee, second, TimeSpan.FromHours(1), null);
        Assert.Equal(ExceptionStatus.Active, (await GrantAsync(second)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Grant_OthersOverdueReviews_DoNotBlockADifferentGranter()
    {
        await Exceptions.GrantAsync(_lee, await RequestAsync(await OpenExecutiveCaseAsync()), TimeSpan.FromHours(1), null);
        _harness.Time.Advance(TimeSpan.FromHours(25));
        var second = await RequestAsync(await OpenExecutiveCaseAsync(DemoAccounts.Ceo));

        await Exceptions.GrantAsync(_kim, second, TimeSpan.FromHours(1), null);

        Assert.Equal(ExceptionStatus.Active, (await GrantAsync(second)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Sweep_ARequestOnAFrozenCase_IsWithdrawn()
    {
        var caseId = await OpenExecutiveCaseAsync();
        var id = await RequestAsync(caseId);
        await _harness.Get<CaseService>().FreezeAsync(_dana, caseId, "caller hung up when asked for the code");

        await Exceptions.SweepAsync();

        Assert.Equal(ExceptionStatus.Withdrawn, (await GrantAsync(id)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task ForCase_ShowsWhatTheReaderMayDo()
    {
        var caseId = await OpenExecutiveCaseAsync();
        await RequestAsync(caseId);

        var asLee = Assert.Single(await Exceptions.ForCaseAsync(_lee, caseId));
        var asDana = Assert.Single(await Exceptions.ForCaseAsync(_dana, caseId));
        var asAri = Assert.Single(await Exceptions.ForCaseAsync(_ari, caseId));

        Assert.True(asLee.CanDecide);
        Assert.False(asDana.CanDecide);
        Assert.False(asAri.CanDecide);
    }

    [Fact(Timeout = Limit)]
    public async Task Panel_ForTheCaseAgentAndForAnotherAgent_MatchesTheSeparateReads()
    {
        var caseId = await OpenExecutiveCaseAsync();
        var possession = await StepIdAsync(caseId, StepKind.Push);
        Assert.Contains(await Exceptions.OptionsAsync(_dana, caseId), o => o.StepId == possession);
        await RequestAsync(caseId);
        var vic = await _harness.StaffAsync("vic", Roles.Agent);

        var asDana = await Exceptions.PanelAsync(_dana, caseId);
        var asVic = await Exceptions.PanelAsync(vic, caseId);

        // The requested exception is listed and its step is no longer offered; the other agent sees neither.
        Assert.Equal((await Exceptions.ForCaseAsync(_dana, caseId)).Select(e => e.Id), asDana.Exceptions.Select(e => e.Id));
        Assert.Single(asDana.Exceptions);
        Assert.Equal((await Exceptions.OptionsAsync(_dana, caseId)).Select(o => (o.TypeId, o.StepId)), asDana.Options.Select(o => (o.TypeId, o.StepId)));
        Assert.DoesNotContain(asDana.Options, o => o.StepId == possession);
        Assert.Empty(asVic.Exceptions);
        Assert.Empty(asVic.Options);
    }

    private async Task<Guid> OpenExecutiveCaseAsync(string username = DemoAccounts.ExecutiveAbroad)
    {
        var subject = await Subject(username);
        return await _harness.Get<CaseService>().OpenAsync(_dana, new OpenCaseRequest(subject.Id, RequestedAction.MfaReset, RequestChannel.Phone, $"INC-{username}-{Guid.NewGuid():N}"[..24]));
    }

    private Task<Guid> RequestAsync(Guid caseId) =>
        Exceptions.RequestAsync(_dana, caseId, StepIdSync(caseId, StepKind.Push), DeviceUnavailable, "travelling, phone lost in transit", "travel booking TRV-2231");

    private async Task PassCodeAsync(Guid caseId)
    {
        var recoveryCase = await CaseAsync(caseId);
        var subject = await _harness.Get<IDirectoryConnector>().FindAsync(recoveryCase.SubjectId) ?? throw new InvalidOperationException("No subject.");
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        await Verification.SendCodeAsync(_dana, caseId, step, subject.Contacts.First(c => c.Kind == ContactKind.Email).Id);
        await Verification.CheckCodeAsync(_dana, caseId, step, await _harness.LastCodeToAsync(subject.Id));
    }

    private async Task<Subject> Subject(string username) =>
        await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(username) ?? throw new InvalidOperationException($"No account {username}.");

    private Guid StepIdSync(Guid caseId, StepKind kind) => StepIdAsync(caseId, kind).GetAwaiter().GetResult();

    private async Task<Guid> StepIdAsync(Guid caseId, StepKind kind) => (await CaseAsync(caseId)).Steps.Single(s => s.Allows(kind)).Id;

    private async Task<RecoveryCase> CaseAsync(Guid caseId)
    {
        await using var db = await _harness.DbAsync();
        return await db.RecoveryCases.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == caseId);
    }

    private async Task<ExceptionGrant> GrantAsync(Guid id)
    {
        await using var db = await _harness.DbAsync();
        return await db.ExceptionGrants.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private async Task<bool> AuditedAsync(Guid caseId, string action, string outcome, string actorId)
    {
        await using var db = await _harness.DbAsync();
        return await db.AuditEntries.AnyAsync(e => e.CaseId == caseId && e.Action == action && e.Outcome == outcome && e.ActorId == actorId);
    }

    private static async Task<string?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (CaseRuleException ex)
        {
            return ex.Message;
        }
    }
}
