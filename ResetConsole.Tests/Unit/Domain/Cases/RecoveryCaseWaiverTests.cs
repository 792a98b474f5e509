using ResetConsole.Domain.Cases;
using ResetConsole.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

public sealed class RecoveryCaseWaiverTests
{
    private static readonly Guid ExceptionId = Guid.NewGuid();
    private static readonly DateTimeOffset At = Now.AddMinutes(3);
    private static readonly DateTimeOffset Until = At.AddHours(4);

    [Fact]
    public void WaiveStep_TheLastPendingStep_VerifiesTheCase()
    {
        var recoveryCase = CodePassed();

        recoveryCase.WaiveStep(Possession(recoveryCase).Id, ExceptionId, Until, Waiver(), At);

        Assert.Equal((CaseStatus.Verified, At + Validity), (recoveryCase.Status, recoveryCase.VerifiedUntil));
        Assert.Equal((StepStatus.Waived, ExceptionId, Until), (Possession(recoveryCase).Status, Possession(recoveryCase).WaivedByExceptionId, Possession(recoveryCase).WaivedUntil));
        Assert.Contains("lee", recoveryCase.VerifierIds);
    }

    [Fact]
    public void WhyNotExecutable_AfterTheWaiverEnds_NamesTheLapsedException()
    {
        var recoveryCase = CodePassed();
        recoveryCase.WaiveStep(Possession(recoveryCase).Id, ExceptionId, At.AddMinutes(5), Waiver(), At);
        recoveryCase.SubmitForApproval(At);

        Assert.Equal("An exception this case relies on has ended; verify the caller again.", recoveryCase.WhyNotExecutable(At.AddMinutes(5)));
    }

    [Fact]
    public void SubmitForApproval_AfterTheWaiverEnds_IsRefused()
    {
        var recoveryCase = CodePassed();
        recoveryCase.WaiveStep(Possession(recoveryCase).Id, ExceptionId, At.AddMinutes(5), Waiver(), At);

        Assert.Throws<CaseRuleException>(() => recoveryCase.SubmitForApproval(At.AddMinutes(5)));
    }

    [Theory]
    [InlineData(CaseStatus.Verified)]
    [InlineData(CaseStatus.AwaitingApproval)]
    [InlineData(CaseStatus.Approved)]
    public void LapseWaiver_BeforeExecution_SendsTheWholeCaseBackToVerifying(CaseStatus status)
    {
        var recoveryCase = CodePassed();
        recoveryCase.WaiveStep(Possession(recoveryCase).Id, ExceptionId, Until, Waiver(), At);
        if (status != CaseStatus.Verified)
        {
            recoveryCase.SubmitForApproval(At);
            if (status == CaseStatus.Approved)
            {
                recoveryCase.Decide("sam", "Sam", "Supervisor", true, null, ApprovalHash.Compute(recoveryCase), At);
            }
        }

        Assert.True(recoveryCase.LapseWaiver(ExceptionId, "expired", Until));

        Assert.Equal((CaseStatus.Verifying, null, null), (recoveryCase.Status, recoveryCase.VerifiedUntil, recoveryCase.ApprovedAt));
        Assert.All(recoveryCase.Steps, s => Assert.Equal((StepStatus.Pending, (Guid?)null), (s.Status, s.WaivedByExceptionId)));
        Assert.All(recoveryCase.Decisions, d => Assert.NotNull(d.VoidedAt));
    }

    [Fact]
    public void LapseWaiver_ForAnotherException_ChangesNothing()
    {
        var recoveryCase = CodePassed();
        recoveryCase.WaiveStep(Possession(recoveryCase).Id, ExceptionId, Until, Waiver(), At);
        var version = recoveryCase.Version;

        Assert.False(recoveryCase.LapseWaiver(Guid.NewGuid(), "expired", Until));
        Assert.Equal((CaseStatus.Verified, version), (recoveryCase.Status, recoveryCase.Version));
    }

    [Fact]
    public void LapseWaiver_AfterExecutionBegan_ChangesNothing()
    {
        var recoveryCase = CodePassed();
        recoveryCase.WaiveStep(Possession(recoveryCase).Id, ExceptionId, Until, Waiver(), At);
        recoveryCase.Status = CaseStatus.Executing;

        Assert.False(recoveryCase.LapseWaiver(ExceptionId, "expired", Until));
    }

    [Fact]
    public void ApprovalHash_ChangesWhenAStepIsWaived()
    {
        var recoveryCase = CodePassed();
        var before = ApprovalHash.Compute(recoveryCase);

        recoveryCase.WaiveStep(Possession(recoveryCase).Id, ExceptionId, Until, Waiver(), At);

        Assert.NotEqual(before, ApprovalHash.Compute(recoveryCase));
    }

    private static RecoveryCase CodePassed()
    {
        var recoveryCase = OpenElevated();
        var code = recoveryCase.Steps.Single(s => s.Allows(StepKind.OneTimeCode));
        recoveryCase.PassStep(code.Id, Passed(StepKind.OneTimeCode, At), At);
        return recoveryCase;
    }

    private static VerificationStep Possession(RecoveryCase recoveryCase) => recoveryCase.Steps.Single(s => s.Allows(StepKind.Push));

    private static StepEvidence Waiver() => new(StepKind.Push, true, "waived by exception 'Enrolled device unavailable' granted by Lee", ExceptionId.ToString(), "lee", "Lee", At);
}
