using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Verification;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Cases;

// Every test has a time limit: a send that never returns must fail the test, not hang the run.
public sealed class ChallengeResponderTests : IAsyncLifetime
{
    private const int Limit = 10_000;

    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;

    private CaseService Cases => _harness.Get<CaseService>();

    private VerificationService Verification => _harness.Get<VerificationService>();

    private ChallengeResponder Responder => _harness.Get<ChallengeResponder>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = Limit)]
    public async Task Respond_ApprovePush_PassesTheStep()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var step = await StepIdAsync(caseId, StepKind.Push);
        var challengeId = await SendPushAsync(caseId, subject);

        await Responder.RespondAsync(await DeviceOwnerAsync(subject), challengeId, approve: true);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(StepStatus.Passed, recoveryCase.Step(step).Status);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Respond_DenyPush_FailsTheStepAndFreezesTheCase()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var step = await StepIdAsync(caseId, StepKind.Push);
        var challengeId = await SendPushAsync(caseId, subject);

        await Responder.RespondAsync(await DeviceOwnerAsync(subject), challengeId, approve: false);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(StepStatus.Failed, recoveryCase.Step(step).Status);
        Assert.Equal(CaseStatus.Frozen, recoveryCase.Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Respond_DenyPush_ProtectsTheAccount()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var challengeId = await SendPushAsync(caseId, subject);

        await Responder.RespondAsync(await DeviceOwnerAsync(subject), challengeId, approve: false);

        await using var db = await _harness.DbAsync();
        var protection = await db.SubjectProtections.AsNoTracking().SingleAsync(p => p.SubjectId == subject.Id);
        Assert.Equal(caseId, protection.CaseId);
        Assert.True(protection.IsActive(_harness.Time.GetUtcNow()));
    }

    [Fact(Timeout = Limit)]
    public async Task Respond_ASecondTime_IsRefusedAndTheFirstAnswerStands()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var step = await StepIdAsync(caseId, StepKind.Push);
        var challengeId = await SendPushAsync(caseId, subject);
        var owner = await DeviceOwnerAsync(subject);
        await Responder.RespondAsync(owner, challengeId, approve: true);

        await Assert.ThrowsAsync<CaseRuleException>(() => Responder.RespondAsync(owner, challengeId, approve: false));

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(StepStatus.Passed, recoveryCase.Step(step).Status);
        Assert.Single(recoveryCase.Step(step).Evidence);
    }

    [Fact(Timeout = Limit)]
    public async Task Respond_AfterThePushExpired_IsRefusedAndTheStepStaysPending()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var step = await StepIdAsync(caseId, StepKind.Push);
        var challengeId = await SendPushAsync(caseId, subject);
        _harness.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(async () =>
            await Responder.RespondAsync(await DeviceOwnerAsync(subject), challengeId, approve: true));

        Assert.Contains("expired", refusal.Message);
        Assert.Equal(StepStatus.Pending, (await CaseAsync(caseId)).Step(step).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Respond_AttestationBySomeoneOtherThanTheManager_IsRefused()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var step = await StepIdAsync(caseId, StepKind.ManagerAttestation);
        var challengeId = await RequestManagerAttestationAsync(caseId, subject);
        var someoneElse = await _harness.StaffAsync("someone.else");

        await Assert.ThrowsAsync<AccessRefusedException>(() => Responder.RespondAsync(someoneElse, challengeId, approve: true));

        Assert.Equal(StepStatus.Pending, (await CaseAsync(caseId)).Step(step).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Respond_AttestationBySomeoneOtherThanTheManager_IsAudited()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var challengeId = await RequestManagerAttestationAsync(caseId, subject);
        var someoneElse = await _harness.StaffAsync("someone.else");

        await Assert.ThrowsAsync<AccessRefusedException>(() => Responder.RespondAsync(someoneElse, challengeId, approve: true));

        await using var db = await _harness.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.CaseId == caseId && e.Action == "challenge.respond" && e.Outcome == "refused" && e.ActorId == "someone.else"));
    }

    [Fact(Timeout = Limit)]
    public async Task Respond_AttestationByTheManagerOfRecord_PassesTheStep()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var step = await StepIdAsync(caseId, StepKind.ManagerAttestation);
        var challengeId = await RequestManagerAttestationAsync(caseId, subject);
        var manager = await _harness.Get<IDirectoryConnector>().FindAsync(subject.ManagerId!);
        var signedInManager = await _harness.StaffAsync(manager!.Username);

        await Responder.RespondAsync(signedInManager, challengeId, approve: true);

        var passed = (await CaseAsync(caseId)).Step(step);
        Assert.Equal(StepStatus.Passed, passed.Status);
        Assert.Contains(StepKind.ManagerAttestation, passed.PassedKinds);
    }

    [Fact(Timeout = Limit)]
    public async Task Respond_ApproveDocumentCheck_PassesTheIdentityStep()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.DomainAdmin);
        var step = await StepIdAsync(caseId, StepKind.IdentityDocument);
        await Verification.StartDocumentCheckAsync(_dana, caseId, step);
        var message = await _harness.LastMessageToAsync(subject.Id);

        await Responder.RespondAsync(await DeviceOwnerAsync(subject), OutboxText.ChallengeId(message.Link), approve: true);

        var passed = (await CaseAsync(caseId)).Step(step);
        Assert.Equal(StepStatus.Passed, passed.Status);
        Assert.StartsWith("IDV-", passed.Evidence.Single().Reference);
    }

    [Fact(Timeout = Limit)]
    public async Task Respond_ToAOneTimeCodeChallenge_IsRefusedAndTheStepStaysPending()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        await Verification.SendCodeAsync(_dana, caseId, step, subject.Contacts.First(c => c.Kind == ContactKind.Email).Id);
        var codeChallenge = (await Cases.GetAsync(_dana, caseId)).Challenges.Single().Id;

        var refusal = await Record.ExceptionAsync(() => Responder.RespondAsync(_dana, codeChallenge, approve: true));

        Assert.True(refusal is CaseRuleException or AccessRefusedException, $"Expected a refusal, got {refusal?.GetType().Name ?? "none"}.");
        Assert.Equal(StepStatus.Pending, (await CaseAsync(caseId)).Step(step).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task GetPrompt_ForAPush_ShowsTheDeviceAndTheRequestedActionOnly()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var challengeId = await SendPushAsync(caseId, subject);

        var prompt = await Responder.GetPromptAsync(challengeId);

        Assert.NotNull(prompt);
        Assert.Equal(StepKind.Push, prompt.Kind);
        Assert.Equal(subject.Authenticators.First(a => a.Kind == AuthenticatorKind.Push).Label, prompt.TargetLabel);
        Assert.Equal(ChallengeStatus.Pending, prompt.Status);
    }

    [Fact(Timeout = Limit)]
    public async Task GetPrompt_ForAOneTimeCodeChallenge_IsNull()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        await Verification.SendCodeAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.OneTimeCode), subject.Contacts.First(c => c.Kind == ContactKind.Email).Id);
        var codeChallenge = (await Cases.GetAsync(_dana, caseId)).Challenges.Single().Id;

        var prompt = await Responder.GetPromptAsync(codeChallenge);

        Assert.Null(prompt);
    }

    private async Task<(Guid CaseId, Subject Subject)> OpenAsync(string username)
    {
        var subject = await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(username) ?? throw new InvalidOperationException($"No account {username}.");
        var caseId = await Cases.OpenAsync(_dana, new OpenCaseRequest(subject.Id, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-1"));
        return (caseId, subject);
    }

    private async Task<RecoveryCase> CaseAsync(Guid caseId) => (await Cases.GetAsync(_dana, caseId)).Case;

    private async Task<Guid> StepIdAsync(Guid caseId, StepKind kind) => (await CaseAsync(caseId)).Steps.Single(s => s.Allows(kind)).Id;

    /// <summary>In demo mode the device or the document check answers through the respond page, as the subject.</summary>
    private Task<StaffActor> DeviceOwnerAsync(Subject subject) => _harness.StaffAsync(subject.Username);

    /// <summary>Pushes to the subject's enrolled device; the challenge id is read from the link the device received.</summary>
    private async Task<Guid> SendPushAsync(Guid caseId, Subject subject)
    {
        var device = subject.Authenticators.First(a => a.Kind == AuthenticatorKind.Push);
        await Verification.SendPushAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.Push), device.Id);
        return OutboxText.ChallengeId((await _harness.LastMessageToAsync(subject.Id)).Link);
    }

    private async Task<Guid> RequestManagerAttestationAsync(Guid caseId, Subject subject)
    {
        await Verification.RequestAttestationAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.ManagerAttestation), StepKind.ManagerAttestation);
        return OutboxText.ChallengeId((await _harness.LastMessageToAsync(subject.ManagerId!)).Link);
    }

}
