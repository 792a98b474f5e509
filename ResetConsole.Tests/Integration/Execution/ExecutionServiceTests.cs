using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Execution;
using ResetConsole.Features.Verification;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Execution;

public sealed class ExecutionServiceTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private FlakyDirectoryWriter _writer = default!;
    private StaffActor _dana = default!;

    private ExecutionService Execution => _harness.Get<ExecutionService>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync(configure: services =>
            services.Replace(ServiceDescriptor.Singleton<IDirectoryWriter>(sp => new FlakyDirectoryWriter(sp.GetRequiredService<DemoDirectoryConnector>()))));
        _writer = (FlakyDirectoryWriter)_harness.Get<IDirectoryWriter>();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = 15_000)]
    public async Task Execute_VerifiedStandardReset_SetsTheCredentialRevokesSessionsNotifiesAndCompletes()
    {
        var (caseId, subjectId) = await VerifiedStandardCaseAsync();

        await Execution.ExecuteAsync(_dana, caseId);

        var details = await _harness.Get<CaseService>().GetAsync(_dana, caseId);
        Assert.Equal(CaseStatus.Completed, details.Case.Status);
        Assert.All(details.Case.SideEffects, e => Assert.Equal(SideEffectStatus.Applied, e.Status));
        await using var db = await _harness.DbAsync();
        Assert.False(await db.DemoSessions.AnyAsync(s => s.AccountId == subjectId));
        var account = await db.DemoAccounts.SingleAsync(a => a.Id == subjectId);
        var secret = Regex.Match((await MessagesAsync(subjectId)).Single(m => m.Title == "Your temporary password").Body, @"password is (\S+?)\.").Groups[1].Value;
        Assert.True(DemoCredentials.Verify(secret, account.CredentialHash));
        Assert.True(account.MustChangeCredential);
        Assert.Equal(2, (await MessagesAsync(subjectId)).Count(m => m.Title == "A helpdesk change to your account"));
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_NeverRecordsTheSecretOutsideTheSubjectsMessage()
    {
        var (caseId, subjectId) = await VerifiedStandardCaseAsync();

        await Execution.ExecuteAsync(_dana, caseId);

        var secret = Regex.Match((await MessagesAsync(subjectId)).Single(m => m.Title == "Your temporary password").Body, @"password is (\S+?)\.").Groups[1].Value;
        await using var db = await _harness.DbAsync();
        Assert.DoesNotContain(await db.AuditEntries.Select(e => e.DetailsJson).ToListAsync(), d => d.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(await db.SideEffects.Select(e => e.Outcome ?? "").ToListAsync(), o => o.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, (await db.DemoAccounts.SingleAsync(a => a.Id == subjectId)).CredentialHash);
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_AnUnverifiedCase_IsRefusedAndNothingChanges()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        var caseId = await _harness.Get<CaseService>().OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-X1"));

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Execution.ExecuteAsync(_dana, caseId));

        Assert.Equal("Every step of the script must pass first.", refusal.Message);
        Assert.Equal(0, _writer.Calls);
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_AnElevatedCaseStillAwaitingApproval_IsRefused()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.FinanceApprover);
        var cases = _harness.Get<CaseService>();
        var verification = _harness.Get<VerificationService>();
        var caseId = await cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-E2"));
        var details = await cases.GetAsync(_dana, caseId);
        var code = details.Case.Steps.Single(s => s.Allows(StepKind.OneTimeCode));
        await verification.SendCodeAsync(_dana, caseId, code.Id, details.Subject.Contacts[0].Id);
        await verification.CheckCodeAsync(_dana, caseId, code.Id, await _harness.LastCodeToAsync(subjectId));
        var push = details.Case.Steps.Single(s => s.Allows(StepKind.Push));
        await verification.SendPushAsync(_dana, caseId, push.Id, details.Subject.PushDevices[0].Id);
        var challengeId = await _harness.LastChallengeToAsync(subjectId);
        await _harness.Get<ChallengeResponder>().RespondAsync(await _harness.StaffAsync(DemoAccounts.FinanceApprover), challengeId, approve: true);
        await cases.SubmitForApprovalAsync(_dana, caseId);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Execution.ExecuteAsync(_dana, caseId));

        Assert.Equal("The case is still awaiting approval.", refusal.Message);
        Assert.Equal(0, _writer.Calls);
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_ByAnotherAgent_IsRefused()
    {
        var (caseId, _) = await VerifiedStandardCaseAsync();
        var other = await _harness.StaffAsync("other", Roles.Agent);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Execution.ExecuteAsync(other, caseId));
        Assert.Equal(0, _writer.Calls);
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_AfterTheVerificationLapsed_IsRefused()
    {
        var (caseId, _) = await VerifiedStandardCaseAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(16));

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Execution.ExecuteAsync(_dana, caseId));

        Assert.Contains("lapsed", refusal.Message);
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_AFrozenCase_IsRefused()
    {
        var (caseId, _) = await VerifiedStandardCaseAsync();
        await _harness.Get<CaseService>().FreezeAsync(_dana, caseId, "caller changed their story");

        await Assert.ThrowsAsync<CaseRuleException>(() => Execution.ExecuteAsync(_dana, caseId));
        Assert.Equal(0, _writer.Calls);
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_WhenTheDirectoryFails_LeavesTheCaseNeedingAttention_AndARetryCompletesIt()
    {
        var (caseId, _) = await VerifiedStandardCaseAsync();
        _writer.FailNext(1);

        await Execution.ExecuteAsync(_dana, caseId);
        var failed = await _harness.Get<CaseService>().GetAsync(_dana, caseId);
        var sam = await _harness.StaffAsync("sam", Roles.Supervisor);
        await Execution.RetryAsync(sam, caseId);

        Assert.Equal(CaseStatus.NeedsAttention, failed.Case.Status);
        Assert.Contains("busy", failed.Case.SideEffects.Single(e => e.Kind == SideEffectKind.SetTemporaryCredential).LastError);
        Assert.Equal(SideEffectStatus.Pending, failed.Case.SideEffects.Single(e => e.Kind == SideEffectKind.RevokeSessions).Status);
        Assert.Equal(CaseStatus.Completed, (await _harness.Get<CaseService>().GetAsync(sam, caseId)).Case.Status);
    }

    [Fact(Timeout = 15_000)]
    public async Task Resume_ATransientFailureAfterItsBackoff_CompletesTheCase()
    {
        var (caseId, _) = await VerifiedStandardCaseAsync();
        _writer.FailNext(1);
        await Execution.ExecuteAsync(_dana, caseId);

        await Execution.ResumeAsync();
        var early = await _harness.Get<CaseService>().GetAsync(_dana, caseId);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await Execution.ResumeAsync();

        Assert.Equal(CaseStatus.NeedsAttention, early.Case.Status);
        Assert.Equal(CaseStatus.Completed, (await _harness.Get<CaseService>().GetAsync(_dana, caseId)).Case.Status);
    }

    [Fact(Timeout = 15_000)]
    public async Task Resume_AfterACrashBetweenTheCommitAndTheSideEffects_FinishesExactlyOnce()
    {
        var (caseId, subjectId) = await VerifiedStandardCaseAsync();
        await CommitExecutingWithoutRunningAsync(caseId);

        var resumed = await Execution.ResumeAsync();
        var again = await Execution.ResumeAsync();

        Assert.Equal(1, resumed);
        Assert.Equal(0, again);
        Assert.Equal(CaseStatus.Completed, (await _harness.Get<CaseService>().GetAsync(_dana, caseId)).Case.Status);
        Assert.Single(await MessagesAsync(subjectId), m => m.Title == "Your temporary password");
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_APermanentFailure_IsNotRetriedByItself()
    {
        var (caseId, _) = await VerifiedStandardCaseAsync();
        _writer.FailNext(1, transient: false);
        await Execution.ExecuteAsync(_dana, caseId);

        _harness.Time.Advance(TimeSpan.FromHours(2));
        await Execution.ResumeAsync();

        Assert.Equal(CaseStatus.NeedsAttention, (await _harness.Get<CaseService>().GetAsync(_dana, caseId)).Case.Status);
        Assert.Equal(1, _writer.Calls);
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_APrivilegedCaseInItsCoolDown_IsRefusedUntilTheCoolDownEnds()
    {
        var caseId = await ApprovedPrivilegedCaseAsync();

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Execution.ExecuteAsync(_dana, caseId));
        _harness.Time.Advance(TimeSpan.FromMinutes(61));
        await Execution.ExecuteAsync(_dana, caseId);

        Assert.Contains("cooling down", refusal.Message);
        Assert.Equal(CaseStatus.Completed, (await _harness.Get<CaseService>().GetAsync(_dana, caseId)).Case.Status);
    }

    [Fact(Timeout = 15_000)]
    public async Task Execute_AfterTheApprovalsExpired_IsRefused()
    {
        var caseId = await ApprovedPrivilegedCaseAsync();
        _harness.Time.Advance(TimeSpan.FromHours(3));

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Execution.ExecuteAsync(_dana, caseId));

        Assert.Contains("approvals have expired", refusal.Message);
    }

    [Fact(Timeout = 15_000)]
    public async Task CoolDown_Starting_SendsTheSubjectAndManagerACancelLink()
    {
        var caseId = await ApprovedPrivilegedCaseAsync();
        var subject = (await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(DemoAccounts.DomainAdmin))!;

        var toSubject = await _harness.LastMessageToAsync(subject.Id);
        var toManager = await _harness.LastMessageToAsync(subject.ManagerId!);

        Assert.Equal($"/cases/{caseId}/cancel", toSubject.Link);
        Assert.Equal($"/cases/{caseId}/cancel", toManager.Link);
    }

    [Fact(Timeout = 15_000)]
    public async Task CoolDown_CancelledByTheManagerOfRecord_AbandonsTheCase()
    {
        var caseId = await ApprovedPrivilegedCaseAsync();
        var subject = (await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(DemoAccounts.DomainAdmin))!;
        var manager = (await _harness.Get<IDirectoryConnector>().FindAsync(subject.ManagerId!))!;

        await _harness.Get<CoolDownService>().CancelAsync(await _harness.StaffAsync(manager.Username), caseId, "he is on holiday, this is not him");

        var recoveryCase = (await _harness.Get<CaseService>().GetAsync(_dana, caseId)).Case;
        Assert.Equal(CaseStatus.Abandoned, recoveryCase.Status);
        Assert.Contains("manager of record", recoveryCase.ClosedReason);
        await Assert.ThrowsAsync<CaseRuleException>(() => Execution.ExecuteAsync(_dana, caseId));
    }

    [Fact(Timeout = 15_000)]
    public async Task CoolDown_CancelledBySomeoneElse_IsRefused()
    {
        var caseId = await ApprovedPrivilegedCaseAsync();

        await Assert.ThrowsAsync<AccessRefusedException>(() =>
            _harness.Get<CoolDownService>().CancelAsync(_dana, caseId, "I changed my mind"));
    }

    [Fact(Timeout = 15_000)]
    public async Task CoolDown_OverriddenByASecurityLead_LetsTheAgentExecuteAtOnce()
    {
        var caseId = await ApprovedPrivilegedCaseAsync();
        var lee = await _harness.StaffAsync("lee", Roles.SecurityLead);

        await Assert.ThrowsAsync<AccessRefusedException>(() => _harness.Get<CoolDownService>().OverrideAsync(_dana, caseId, "in a hurry"));
        await _harness.Get<CoolDownService>().OverrideAsync(lee, caseId, "outage bridge: the admin is on the call with two of us");
        await Execution.ExecuteAsync(_dana, caseId);

        Assert.Equal(CaseStatus.Completed, (await _harness.Get<CaseService>().GetAsync(_dana, caseId)).Case.Status);
    }

    [Fact(Timeout = 15_000)]
    public async Task ReportNotMe_ByTheSubjectDuringTheCoolDown_StopsTheResetAndIsAudited()
    {
        var caseId = await ApprovedPrivilegedCaseAsync();

        await _harness.Get<CoolDownService>().ReportNotMeAsync(await _harness.StaffAsync(DemoAccounts.DomainAdmin), caseId);

        Assert.Equal(CaseStatus.Abandoned, (await _harness.Get<CaseService>().GetAsync(_dana, caseId)).Case.Status);
        await using var db = await _harness.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.CaseId == caseId && e.Action == "case.reported-not-me"));
    }

    [Fact(Timeout = 15_000)]
    public async Task ReportNotMe_BySomeoneOtherThanTheSubject_IsRefused()
    {
        var (caseId, _) = await VerifiedStandardCaseAsync();

        await Assert.ThrowsAsync<AccessRefusedException>(() => _harness.Get<CoolDownService>().ReportNotMeAsync(_dana, caseId));
    }

    [Fact(Timeout = 15_000)]
    public async Task SecretRotation_ForAServiceIdentity_SendsTheNewSecretToTheOwnerNeverTheAgent()
    {
        var service = (await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(DemoAccounts.PayrollSyncService))!;
        var owner = (await _harness.Get<IDirectoryConnector>().FindAsync(service.OwnerId!))!;
        var cases = _harness.Get<CaseService>();
        var caseId = await cases.OpenAsync(_dana, new OpenCaseRequest(service.Id, RequestedAction.PasswordReset, RequestChannel.Ticket, "INC-NHI"));
        var details = await cases.GetAsync(_dana, caseId);
        var attestation = details.Case.Steps.Single(s => s.Allows(StepKind.OwnerAttestation));
        await _harness.Get<VerificationService>().RequestAttestationAsync(_dana, caseId, attestation.Id, StepKind.OwnerAttestation);
        var challengeId = await _harness.LastChallengeToAsync(owner.Id);
        await _harness.Get<ChallengeResponder>().RespondAsync(await _harness.StaffAsync(owner.Username), challengeId, approve: true);
        foreach (var step in (await cases.GetAsync(_dana, caseId)).Case.Steps.Where(s => s.Status == StepStatus.Pending && s.Allows(StepKind.Callback)))
        {
            await _harness.Get<VerificationService>().RecordCallbackAsync(_dana, caseId, step.Id, CallbackOutcome.Confirmed);
        }

        await cases.SubmitForApprovalAsync(_dana, caseId);
        var lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        var approvals = _harness.Get<ResetConsole.Features.Approvals.ApprovalService>();
        await approvals.DecideAsync(lee, caseId, approve: true, null, (await approvals.ReviewAsync(lee, caseId)).Hash);
        await Execution.ExecuteAsync(_dana, caseId);

        var completed = (await cases.GetAsync(_dana, caseId)).Case;
        Assert.Equal(RequestedAction.SecretRotation, completed.EffectiveAction);
        Assert.Equal(CaseStatus.Completed, completed.Status);
        var toOwner = await _harness.LastMessageToAsync(owner.Id);
        Assert.Equal($"New secret for {service.Username}", toOwner.Title);
        var secret = Regex.Match(toOwner.Body, @"secret for \S+ is (\S+?)\.").Groups[1].Value;
        await using var db = await _harness.DbAsync();
        Assert.True(DemoCredentials.Verify(secret, (await db.DemoAccounts.SingleAsync(a => a.Id == service.Id)).CredentialHash));
        Assert.DoesNotContain(secret, completed.SideEffects.Single(e => e.Kind == SideEffectKind.RotateSecret).Outcome);
    }

    private async Task<Guid> ApprovedPrivilegedCaseAsync()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.DomainAdmin);
        var cases = _harness.Get<CaseService>();
        var verification = _harness.Get<VerificationService>();
        var caseId = await cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.WalkIn, "INC-P1"));
        var details = await cases.GetAsync(_dana, caseId);
        await verification.RecordBadgeCheckAsync(_dana, caseId, details.Case.Steps.Single(s => s.Allows(StepKind.InPersonBadge)).Id, "B-1001", matches: true);
        await verification.RecordCallbackAsync(_dana, caseId, details.Case.Steps.Single(s => s.Allows(StepKind.Callback)).Id, CallbackOutcome.Confirmed);
        await cases.SubmitForApprovalAsync(_dana, caseId);
        var approvals = _harness.Get<ResetConsole.Features.Approvals.ApprovalService>();
        foreach (var lead in new[] { "lee", "kim" })
        {
            var actor = await _harness.StaffAsync(lead, Roles.SecurityLead);
            var review = await approvals.ReviewAsync(actor, caseId);
            await approvals.DecideAsync(actor, caseId, approve: true, "evidence checked", review.Hash);
        }

        Assert.Equal(CaseStatus.CoolingDown, (await cases.GetAsync(_dana, caseId)).Case.Status);
        return caseId;
    }

    private async Task CommitExecutingWithoutRunningAsync(Guid caseId)
    {
        // What ExecuteAsync commits before any side effect runs: a crash right after this commit leaves exactly this.
        await using var db = await _harness.DbAsync();
        var recoveryCase = await db.RecoveryCases.AsSplitQuery().SingleAsync(c => c.Id == caseId);
        recoveryCase.BeginExecution(_dana.Id, _harness.Time.GetUtcNow());
        db.SideEffects.AddRange(recoveryCase.SideEffects);
        await db.SaveChangesAsync();
    }

    private async Task<List<ResetConsole.Notifications.OutboxMessage>> MessagesAsync(string recipientId)
    {
        await using var db = await _harness.DbAsync();
        return await db.OutboxMessages.Where(m => m.RecipientId == recipientId).ToListAsync();
    }

    private async Task<(Guid CaseId, string SubjectId)> VerifiedStandardCaseAsync()
    {
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        var cases = _harness.Get<CaseService>();
        var caseId = await cases.OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-E1"));
        var details = await cases.GetAsync(_dana, caseId);
        var step = details.Case.Steps.Single();
        var verification = _harness.Get<VerificationService>();
        await verification.SendCodeAsync(_dana, caseId, step.Id, details.Subject.Contacts[0].Id);
        var code = await _harness.LastCodeToAsync(subjectId);
        await verification.CheckCodeAsync(_dana, caseId, step.Id, code);
        return (caseId, subjectId);
    }
}
