using ResetConsole.Domain.Cases;
using ResetConsole.Policy;
using ResetConsole.Tests.Unit.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

/// <summary><see cref="RecoveryCase.Version"/> moves on every change (so a stale screen loses), and who verified.</summary>
public sealed class RecoveryCaseVersionTests
{
    private static readonly DateTimeOffset At = Now.AddMinutes(3);

    [Fact]
    public void PassStep_StepPassed_IncrementsVersion()
    {
        // Arrange
        var recoveryCase = OpenElevated();

        // Act
        recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Equal(1, recoveryCase.Version);
    }

    [Fact]
    public void PassStep_LastStepVerifiesCase_IncrementsVersion()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At), At);

        // Act
        recoveryCase.PassStep(recoveryCase.Steps[1].Id, Passed(StepKind.Push, At), At);

        // Assert
        Assert.Equal(2, recoveryCase.Version);
    }

    [Fact]
    public void FailAttempt_AttemptsLeft_IncrementsVersion()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        recoveryCase.FailAttempt(recoveryCase.Steps[0].Id, Failed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Equal(1, recoveryCase.Version);
    }

    [Fact]
    public void FailAttempt_Exhausted_MovesVersionPastTheFailedAttempts()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var push = recoveryCase.StepById("possession-or-manager");
        recoveryCase.FailAttempt(push.Id, Failed(StepKind.Push, At), At);

        // Act
        recoveryCase.FailAttempt(push.Id, Failed(StepKind.Push, At), At);

        // Assert
        Assert.True(recoveryCase.Version > 1);
    }

    [Fact]
    public void FailStep_Freezes_IncrementsVersion()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        recoveryCase.FailStep(recoveryCase.Steps[0].Id, Failed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.True(recoveryCase.Version > 0);
    }

    [Fact]
    public void Freeze_OpenCase_IncrementsVersion()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        recoveryCase.Freeze("suspicious", AgentId, At);

        // Assert
        Assert.Equal((1, At), (recoveryCase.Version, recoveryCase.UpdatedAt));
    }

    [Fact]
    public void Release_FrozenCase_IncrementsVersion()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);
        var version = recoveryCase.Version;

        // Act
        recoveryCase.Release("reviewed", At);

        // Assert
        Assert.Equal((version + 1, At), (recoveryCase.Version, recoveryCase.UpdatedAt));
    }

    [Fact]
    public void Abandon_OpenCase_IncrementsVersion()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        recoveryCase.Abandon("caller hung up", At);

        // Assert
        Assert.Equal((1, At), (recoveryCase.Version, recoveryCase.UpdatedAt));
    }

    [Fact]
    public void SubmitForApproval_VerifiedCase_IncrementsVersion()
    {
        // Arrange
        var recoveryCase = OpenElevated().PassAll(At);
        var version = recoveryCase.Version;

        // Act
        recoveryCase.SubmitForApproval(At.AddMinutes(1));

        // Assert
        Assert.Equal((version + 1, At.AddMinutes(1)), (recoveryCase.Version, recoveryCase.UpdatedAt));
    }

    [Fact]
    public void Freeze_Refused_LeavesVersionUnchanged()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Abandoned);
        var version = recoveryCase.Version;

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.Freeze("late", AgentId, At));

        // Assert
        Assert.Equal(version, recoveryCase.Version);
    }

    [Fact]
    public void VerifierIds_NewCase_IsEmpty()
    {
        // Act
        var recoveryCase = OpenElevated();

        // Assert
        Assert.Empty(recoveryCase.VerifierIds);
    }

    [Fact]
    public void VerifierIds_PassedAndFailedEvidence_CollectsEveryRecorderOnce()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var code = recoveryCase.StepById("contact-code");
        recoveryCase.FailAttempt(code.Id, Failed(StepKind.OneTimeCode, At, "agent-a"), At);
        recoveryCase.PassStep(code.Id, Passed(StepKind.OneTimeCode, At, "agent-a"), At);
        recoveryCase.PassStep(recoveryCase.StepById("possession-or-manager").Id, Passed(StepKind.ManagerAttestation, At, "agent-b"), At);

        // Act
        var verifiers = recoveryCase.VerifierIds;

        // Assert
        Assert.Equal(new HashSet<string> { "agent-a", "agent-b" }, verifiers);
    }

    [Fact]
    public void VerifierIds_OnlyFailedEvidence_StillCountsTheRecorder()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        recoveryCase.FailStep(recoveryCase.Steps[0].Id, Failed(StepKind.OneTimeCode, At, "agent-c"), At);

        // Act
        var verifiers = recoveryCase.VerifierIds;

        // Assert
        Assert.Equal(["agent-c"], verifiers);
    }

    [Fact]
    public void VerifierIds_AfterVerificationLapsed_KeepsEarlierVerifiers()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At, "agent-d"), At);
        recoveryCase.ExpireVerificationIfDue(At + Validity);

        // Act
        var verifiers = recoveryCase.VerifierIds;

        // Assert
        Assert.Contains("agent-d", verifiers);
    }

    [Fact]
    public void VerifierIds_OpenedByAgentWithoutEvidence_DoesNotCountTheOpener()
    {
        // Arrange
        var subject = PolicySamples.Employee();
        var recoveryCase = Open(subject, Decide(subject));
        recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At, "agent-e"), At);

        // Act
        var verifiers = recoveryCase.VerifierIds;

        // Assert
        Assert.DoesNotContain(AgentId, verifiers);
    }
}
