using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
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
public sealed class VerificationServiceTests : IAsyncLifetime
{
    private const int Limit = 10_000;

    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;

    private CaseService Cases => _harness.Get<CaseService>();

    private VerificationService Verification => _harness.Get<VerificationService>();

    private DateTimeOffset Now => _harness.Time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = Limit)]
    public async Task CheckCode_CodeReadBackFromTheOutbox_PassesTheStep()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        var code = await SendCodeAsync(caseId, subject);

        var result = await Verification.CheckCodeAsync(_dana, caseId, step, code);

        Assert.Equal(CodeCheck.Correct, result);
        Assert.Equal(StepStatus.Passed, (await CaseAsync(caseId)).Step(step).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_CorrectOnTheOnlyStandardStep_VerifiesTheCaseForFifteenMinutes()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var code = await SendCodeAsync(caseId, subject);

        await Verification.CheckCodeAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.OneTimeCode), code);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(CaseStatus.Verified, recoveryCase.Status);
        Assert.Equal(Now + TimeSpan.FromMinutes(15), recoveryCase.VerifiedUntil);
    }

    [Fact(Timeout = Limit)]
    public async Task SendCode_StandardTier_SendsASixDigitCode()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);

        var code = await SendCodeAsync(caseId, subject);

        Assert.Matches(@"^\d{6}$", code);
    }

    [Fact(Timeout = Limit)]
    public async Task SendCode_ElevatedTier_SendsAnEightDigitCode()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);

        var code = await SendCodeAsync(caseId, subject);

        Assert.Matches(@"^\d{8}$", code);
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_AfterTheCodeExpired_ReturnsExpiredAndDoesNotPass()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        var code = await SendCodeAsync(caseId, subject);
        _harness.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var result = await Verification.CheckCodeAsync(_dana, caseId, step, code);

        Assert.Equal(CodeCheck.Expired, result);
        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(StepStatus.Pending, recoveryCase.Step(step).Status);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_JustBeforeTheTenMinuteExpiry_IsCorrect()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var code = await SendCodeAsync(caseId, subject);
        _harness.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        var result = await Verification.CheckCodeAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.OneTimeCode), code);

        Assert.Equal(CodeCheck.Correct, result);
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_ACodeAlreadyUsed_IsRefusedAndRecordsNothingMore()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        var code = await SendCodeAsync(caseId, subject);
        await Verification.CheckCodeAsync(_dana, caseId, step, code);

        await Assert.ThrowsAsync<CaseRuleException>(() => Verification.CheckCodeAsync(_dana, caseId, step, code));

        Assert.Single((await CaseAsync(caseId)).Step(step).Evidence);
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_WrongCode_CountsAFailedAttempt()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        var code = await SendCodeAsync(caseId, subject);

        var result = await Verification.CheckCodeAsync(_dana, caseId, step, WrongCode(code));

        Assert.Equal(CodeCheck.Wrong, result);
        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(1, recoveryCase.Step(step).FailedAttempts);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_ThirdWrongCode_FreezesTheCase()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);

        await ExhaustCodeAttemptsAsync(caseId, subject);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(CaseStatus.Frozen, recoveryCase.Status);
        Assert.Equal(StepStatus.Failed, recoveryCase.Steps.Single().Status);
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_ThirdWrongCode_ProtectsTheAccountForTheFreezePeriod()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);

        await ExhaustCodeAttemptsAsync(caseId, subject);

        await using var db = await _harness.DbAsync();
        var protection = await db.SubjectProtections.AsNoTracking().SingleAsync(p => p.SubjectId == subject.Id);
        Assert.Equal(caseId, protection.CaseId);
        Assert.True(protection.IsActive(Now));
        Assert.Equal(Now + TimeSpan.FromHours(24), protection.Until);
    }

    [Fact(Timeout = Limit)]
    public async Task Open_AfterThreeWrongCodesFroze_IsRefusedForTheProtectedAccount()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        await ExhaustCodeAttemptsAsync(caseId, subject);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() =>
            Cases.OpenAsync(_dana, new OpenCaseRequest(subject.Id, RequestedAction.MfaReset, RequestChannel.Phone, "INC-2")));

        Assert.Contains("protected", refusal.Message);
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_RightCodeAfterWrongCodesFroze_IsRefused()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        var code = await SendCodeAsync(caseId, subject);
        for (var i = 0; i < 3; i++)
        {
            await Verification.CheckCodeAsync(_dana, caseId, step, WrongCode(code));
        }

        await Assert.ThrowsAsync<CaseRuleException>(() => Verification.CheckCodeAsync(_dana, caseId, step, code));

        Assert.Equal(CaseStatus.Frozen, (await CaseAsync(caseId)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task SendCode_ToAContactOfAnotherAccount_IsRefusedAndSendsNothing()
    {
        var (caseId, _) = await OpenAsync(DemoAccounts.StandardEmployee);
        var other = await SubjectAsync(DemoAccounts.TeamLead);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);

        await Assert.ThrowsAsync<CaseRuleException>(() =>
            Verification.SendCodeAsync(_dana, caseId, step, other.Contacts.First(c => c.Kind == ContactKind.Email).Id));

        await using var db = await _harness.DbAsync();
        Assert.False(await db.VerificationChallenges.AnyAsync(c => c.CaseId == caseId));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.CaseId == caseId));
    }

    [Fact(Timeout = Limit)]
    public async Task SendCode_Again_SupersedesThePendingChallenge()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        await SendCodeAsync(caseId, subject);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));

        await SendCodeAsync(caseId, subject);

        await using var db = await _harness.DbAsync();
        var statuses = await db.VerificationChallenges.AsNoTracking().Where(c => c.CaseId == caseId).Select(c => c.Status).ToListAsync();
        Assert.Equal(1, statuses.Count(s => s == ChallengeStatus.Superseded));
        Assert.Equal(1, statuses.Count(s => s == ChallengeStatus.Pending));
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_PreviousCodeAfterANewOneWasSent_IsWrong()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        var first = await SendCodeAsync(caseId, subject);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await SendCodeAsync(caseId, subject);
        Assert.NotEqual(first, second);

        var result = await Verification.CheckCodeAsync(_dana, caseId, step, first);

        Assert.Equal(CodeCheck.Wrong, result);
        Assert.Equal(StepStatus.Pending, (await CaseAsync(caseId)).Step(step).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_AfterSendingAndCheckingACode_NoAuditEntryHoldsTheCode()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        var code = await SendCodeAsync(caseId, subject);
        await Verification.CheckCodeAsync(_dana, caseId, step, WrongCode(code));

        await Verification.CheckCodeAsync(_dana, caseId, step, code);

        await using var db = await _harness.DbAsync();
        var details = await db.AuditEntries.AsNoTracking().Select(e => e.DetailsJson).ToListAsync();
        Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == "step.code-sent");
        Assert.All(details, json => Assert.DoesNotContain(code, json));
    }

    [Fact(Timeout = Limit)]
    public async Task SendCode_StoresOnlyASaltedHashOfTheCode()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);

        var code = await SendCodeAsync(caseId, subject);

        await using var db = await _harness.DbAsync();
        var challenge = await db.VerificationChallenges.AsNoTracking().SingleAsync(c => c.CaseId == caseId);
        Assert.Equal(HMACSHA256.HashData(challenge.CodeSalt!, Encoding.UTF8.GetBytes(code)), challenge.CodeHash);
        Assert.All(await RawChallengeValuesAsync(db), value => Assert.False(Holds(value, code), $"The challenge row holds the code in {value}."));
    }

    [Fact(Timeout = Limit)]
    public async Task SendCode_ByAnotherAgent_IsRefusedAndAudited()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var other = await _harness.StaffAsync("other-agent", Roles.Agent);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);

        await Assert.ThrowsAsync<AccessRefusedException>(() =>
            Verification.SendCodeAsync(other, caseId, step, subject.Contacts.First(c => c.Kind == ContactKind.Email).Id));

        await using var db = await _harness.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.CaseId == caseId && e.Action == "step.code-send" && e.Outcome == "refused" && e.ActorId == "other-agent"));
        Assert.False(await db.VerificationChallenges.AnyAsync(c => c.CaseId == caseId));
    }

    [Fact(Timeout = Limit)]
    public async Task CheckCode_ByAnotherAgentWithTheRightCode_IsRefusedAndTheStepStaysPending()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var other = await _harness.StaffAsync("other-agent", Roles.Agent);
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        var code = await SendCodeAsync(caseId, subject);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Verification.CheckCodeAsync(other, caseId, step, code));

        Assert.Equal(StepStatus.Pending, (await CaseAsync(caseId)).Step(step).Status);
        await using var db = await _harness.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.CaseId == caseId && e.Action == "step.code-check" && e.Outcome == "refused" && e.ActorId == "other-agent"));
    }

    [Fact(Timeout = Limit)]
    public async Task Refresh_AfterTheVerificationWindowLapsed_PutsTheCaseBackToVerifying()
    {
        var caseId = await VerifiedStandardCaseAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        await Cases.RefreshAsync(_dana, caseId);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
        Assert.Null(recoveryCase.VerifiedUntil);
        Assert.Equal(StepStatus.Pending, recoveryCase.Steps.Single().Status);
    }

    [Fact(Timeout = Limit)]
    public async Task Refresh_WithinTheVerificationWindow_KeepsTheCaseVerified()
    {
        var caseId = await VerifiedStandardCaseAsync();
        _harness.Time.Advance(TimeSpan.FromMinutes(14));

        await Cases.RefreshAsync(_dana, caseId);

        Assert.Equal(CaseStatus.Verified, (await CaseAsync(caseId)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task SubmitForApproval_ElevatedCaseWithOnlyTheCodeStepPassed_IsRefused()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var code = await SendCodeAsync(caseId, subject);
        await Verification.CheckCodeAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.OneTimeCode), code);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => Cases.SubmitForApprovalAsync(_dana, caseId));

        Assert.Equal("Every step of the script must pass first.", refusal.Message);
        Assert.Equal(CaseStatus.Verifying, (await CaseAsync(caseId)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task SubmitForApproval_ElevatedCaseWithEveryStepPassed_AwaitsApproval()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var code = await SendCodeAsync(caseId, subject);
        await Verification.CheckCodeAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.OneTimeCode), code);
        await Verification.SendPushAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.Push), PushDevice(subject).Id);
        var device = await _harness.LastMessageToAsync(subject.Id);
        await _harness.Get<ChallengeResponder>().RespondAsync(await _harness.StaffAsync(subject.Username), OutboxText.ChallengeId(device.Link), approve: true);

        await Cases.SubmitForApprovalAsync(_dana, caseId);

        Assert.Equal(CaseStatus.AwaitingApproval, (await CaseAsync(caseId)).Status);
    }

    [Fact(Timeout = Limit)]
    public async Task SendPush_ToAnEnrolledPushDevice_CreatesAPendingChallenge()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var device = PushDevice(subject);

        await Verification.SendPushAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.Push), device.Id);

        await using var db = await _harness.DbAsync();
        var challenge = await db.VerificationChallenges.AsNoTracking().SingleAsync(c => c.CaseId == caseId);
        Assert.Equal(StepKind.Push, challenge.Kind);
        Assert.Equal(ChallengeStatus.Pending, challenge.Status);
        Assert.Equal(device.Id.ToString(), challenge.TargetId);
        Assert.Equal(Now + TimeSpan.FromMinutes(5), challenge.ExpiresAt);
    }

    [Fact(Timeout = Limit)]
    public async Task SendPush_ToAnEnrolledPushDevice_SendsTheRespondLinkToTheSubject()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);

        await Verification.SendPushAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.Push), PushDevice(subject).Id);

        var message = await _harness.LastMessageToAsync(subject.Id);
        await using var db = await _harness.DbAsync();
        var challenge = await db.VerificationChallenges.AsNoTracking().SingleAsync(c => c.CaseId == caseId);
        Assert.Equal($"/demo/respond/{challenge.Id}", message.Link);
        Assert.Equal(caseId, message.CaseId);
    }

    [Fact(Timeout = Limit)]
    public async Task SendPush_ToAnAuthenticatorThatIsNotAPushDevice_IsRefused()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);
        var step = await StepIdAsync(caseId, StepKind.Push);
        var totp = subject.Authenticators.First(a => a.Kind != AuthenticatorKind.Push);

        await Assert.ThrowsAsync<CaseRuleException>(() => Verification.SendPushAsync(_dana, caseId, step, totp.Id));

        await using var db = await _harness.DbAsync();
        Assert.False(await db.VerificationChallenges.AnyAsync(c => c.CaseId == caseId));
    }

    [Fact(Timeout = Limit)]
    public async Task SendPush_ToAnotherAccountsPushDevice_IsRefused()
    {
        var (caseId, _) = await OpenAsync(DemoAccounts.FinanceApprover);
        var step = await StepIdAsync(caseId, StepKind.Push);
        var others = PushDevice(await SubjectAsync(DemoAccounts.StandardEmployee));

        await Assert.ThrowsAsync<CaseRuleException>(() => Verification.SendPushAsync(_dana, caseId, step, others.Id));
    }

    [Fact(Timeout = Limit)]
    public async Task RequestAttestation_FromTheManager_SendsTheRequestToTheManagerOfRecord()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.FinanceApprover);

        await Verification.RequestAttestationAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.ManagerAttestation), StepKind.ManagerAttestation);

        var message = await _harness.LastMessageToAsync(subject.ManagerId!);
        await using var db = await _harness.DbAsync();
        var challenge = await db.VerificationChallenges.AsNoTracking().SingleAsync(c => c.CaseId == caseId);
        Assert.Equal(subject.ManagerId, challenge.TargetId);
        Assert.Equal($"/demo/respond/{challenge.Id}", message.Link);
        Assert.Equal(ContactKind.Email, message.Channel);
    }

    [Fact(Timeout = Limit)]
    public async Task RecordCallback_Confirmed_PassesTheStep()
    {
        var (caseId, _) = await OpenAsync(DemoAccounts.DomainAdmin);
        var step = await StepIdAsync(caseId, StepKind.Callback);

        await Verification.RecordCallbackAsync(_dana, caseId, step, CallbackOutcome.Confirmed);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(StepStatus.Passed, recoveryCase.Step(step).Status);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
    }

    [Fact(Timeout = Limit)]
    public async Task RecordCallback_Denied_FreezesTheCaseAndProtectsTheAccount()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.DomainAdmin);

        await Verification.RecordCallbackAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.Callback), CallbackOutcome.Denied);

        Assert.Equal(CaseStatus.Frozen, (await CaseAsync(caseId)).Status);
        await using var db = await _harness.DbAsync();
        Assert.True(await db.SubjectProtections.AnyAsync(p => p.SubjectId == subject.Id && p.CaseId == caseId && p.ReleasedAt == null));
    }

    [Fact(Timeout = Limit)]
    public async Task RecordCallback_NoAnswerOnce_CountsAnAttemptAndKeepsVerifying()
    {
        var (caseId, _) = await OpenAsync(DemoAccounts.DomainAdmin);
        var step = await StepIdAsync(caseId, StepKind.Callback);

        await Verification.RecordCallbackAsync(_dana, caseId, step, CallbackOutcome.NoAnswer);

        var recoveryCase = await CaseAsync(caseId);
        Assert.Equal(1, recoveryCase.Step(step).FailedAttempts);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
    }

    [Fact(Timeout = Limit)]
    public async Task RecordCallback_NoAnswerTwice_FreezesTheCaseAndProtectsTheAccount()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.DomainAdmin);
        var step = await StepIdAsync(caseId, StepKind.Callback);
        await Verification.RecordCallbackAsync(_dana, caseId, step, CallbackOutcome.NoAnswer);

        await Verification.RecordCallbackAsync(_dana, caseId, step, CallbackOutcome.NoAnswer);

        Assert.Equal(CaseStatus.Frozen, (await CaseAsync(caseId)).Status);
        await using var db = await _harness.DbAsync();
        Assert.True(await db.SubjectProtections.AnyAsync(p => p.SubjectId == subject.Id && p.CaseId == caseId));
    }

    [Fact(Timeout = Limit)]
    public async Task StartDocumentCheck_PrivilegedCase_CreatesAPendingChallengeWithAnIdvReference()
    {
        var (caseId, _) = await OpenAsync(DemoAccounts.DomainAdmin);

        await Verification.StartDocumentCheckAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.IdentityDocument));

        await using var db = await _harness.DbAsync();
        var challenge = await db.VerificationChallenges.AsNoTracking().SingleAsync(c => c.CaseId == caseId);
        Assert.Equal(StepKind.IdentityDocument, challenge.Kind);
        Assert.Equal(ChallengeStatus.Pending, challenge.Status);
        Assert.Matches("^IDV-[0-9A-F]{8}$", challenge.Reference);
    }

    private async Task<(Guid CaseId, Subject Subject)> OpenAsync(string username)
    {
        var subject = await SubjectAsync(username);
        var caseId = await Cases.OpenAsync(_dana, new OpenCaseRequest(subject.Id, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-1"));
        return (caseId, subject);
    }

    private async Task<Subject> SubjectAsync(string username) =>
        await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(username) ?? throw new InvalidOperationException($"No account {username}.");

    private async Task<RecoveryCase> CaseAsync(Guid caseId) => (await Cases.GetAsync(_dana, caseId)).Case;

    private async Task<Guid> StepIdAsync(Guid caseId, StepKind kind) => (await CaseAsync(caseId)).Steps.Single(s => s.Allows(kind)).Id;

    /// <summary>Sends a code to the subject's email of record and reads it back as the subject would.</summary>
    private async Task<string> SendCodeAsync(Guid caseId, Subject subject)
    {
        var email = subject.Contacts.First(c => c.Kind == ContactKind.Email);
        await Verification.SendCodeAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.OneTimeCode), email.Id);
        var message = await _harness.LastMessageToAsync(subject.Id);
        return OutboxText.Code(message.Body);
    }

    private async Task ExhaustCodeAttemptsAsync(Guid caseId, Subject subject)
    {
        var step = await StepIdAsync(caseId, StepKind.OneTimeCode);
        var code = await SendCodeAsync(caseId, subject);
        for (var i = 0; i < 3; i++)
        {
            await Verification.CheckCodeAsync(_dana, caseId, step, WrongCode(code));
        }
    }

    private async Task<Guid> VerifiedStandardCaseAsync()
    {
        var (caseId, subject) = await OpenAsync(DemoAccounts.StandardEmployee);
        var code = await SendCodeAsync(caseId, subject);
        await Verification.CheckCodeAsync(_dana, caseId, await StepIdAsync(caseId, StepKind.OneTimeCode), code);
        return caseId;
    }

    private static string WrongCode(string code) => new(code.Select(d => (char)('0' + ((d - '0' + 1) % 10))).ToArray());

    private static EnrolledAuthenticator PushDevice(Subject subject) => subject.Authenticators.First(a => a.Kind == AuthenticatorKind.Push);


    private static async Task<List<object>> RawChallengeValuesAsync(AppDbContext db)
    {
        var values = new List<object>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM VerificationChallenges";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(reader.GetValue(i));
            }
        }

        return values;
    }

    private static bool Holds(object value, string code) => value switch
    {
        string text => text.Contains(code, StringComparison.Ordinal),
        byte[] bytes => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(code)) >= 0,
        long number => number.ToString(System.Globalization.CultureInfo.InvariantCulture) == code.TrimStart('0'),
        _ => false,
    };
}
