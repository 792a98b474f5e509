using ResetConsole.Domain.Cases;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

/// <summary><see cref="RecoveryCase.SubmitForApproval"/> and <see cref="RecoveryCase.IsReadyToExecute"/>.</summary>
public sealed class RecoveryCaseApprovalTests
{
    private static readonly DateTimeOffset VerifiedAt = Now.AddMinutes(2);
    private static readonly DateTimeOffset Deadline = VerifiedAt + Validity;

    [Fact]
    public void SubmitForApproval_VerifiedCaseNeedingApproval_AwaitsApproval()
    {
        // Arrange
        var recoveryCase = OpenElevated().PassAll(VerifiedAt);
        var at = VerifiedAt.AddMinutes(1);

        // Act
        recoveryCase.SubmitForApproval(at);

        // Assert
        Assert.Equal((CaseStatus.AwaitingApproval, (DateTimeOffset?)at), (recoveryCase.Status, recoveryCase.SubmittedAt));
    }

    [Fact]
    public void SubmitForApproval_JustBeforeDeadline_AwaitsApproval()
    {
        // Arrange
        var recoveryCase = OpenPrivileged().PassAll(VerifiedAt);

        // Act
        recoveryCase.SubmitForApproval(Deadline.AddTicks(-1));

        // Assert
        Assert.Equal(CaseStatus.AwaitingApproval, recoveryCase.Status);
    }

    [Fact]
    public void SubmitForApproval_StandardCase_ThrowsNoApprovalNeeded()
    {
        // Arrange
        var recoveryCase = OpenStandard().PassAll(VerifiedAt);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.SubmitForApproval(VerifiedAt));

        // Assert
        Assert.Equal("This case needs no approval.", ex.Message);
        Assert.Equal(CaseStatus.Verified, recoveryCase.Status);
    }

    [Fact]
    public void SubmitForApproval_StillVerifying_Throws()
    {
        // Arrange
        var recoveryCase = OpenElevated();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.SubmitForApproval(VerifiedAt));

        // Assert
        Assert.Equal("Every step of the script must pass first.", ex.Message);
    }

    [Fact]
    public void SubmitForApproval_AtDeadline_ThrowsLapsed()
    {
        // Arrange
        var recoveryCase = OpenElevated().PassAll(VerifiedAt);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.SubmitForApproval(Deadline));

        // Assert
        Assert.Equal("The verification has lapsed; the caller must be verified again.", ex.Message);
    }

    [Fact]
    public void SubmitForApproval_Lapsed_LeavesCaseUnsubmitted()
    {
        // Arrange
        var recoveryCase = OpenElevated().PassAll(VerifiedAt);
        var version = recoveryCase.Version;

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.SubmitForApproval(Deadline.AddMinutes(5)));

        // Assert
        Assert.Equal((CaseStatus.Verified, null, version), (recoveryCase.Status, recoveryCase.SubmittedAt, recoveryCase.Version));
    }

    [Fact]
    public void SubmitForApproval_AlreadyAwaitingApproval_Throws()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.AwaitingApproval);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.SubmitForApproval(VerifiedAt.AddMinutes(1)));

        // Assert
        Assert.Equal("The case is awaiting approval, not verified.", ex.Message);
    }

    [Fact]
    public void SubmitForApproval_FrozenCase_Throws()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.SubmitForApproval(VerifiedAt));

        // Assert
        Assert.Equal("The case is frozen, not verified.", ex.Message);
    }

    [Fact]
    public void IsReadyToExecute_VerifiedStandardCaseWithinWindow_IsTrue()
    {
        // Arrange
        var recoveryCase = OpenStandard().PassAll(VerifiedAt);

        // Act
        var ready = recoveryCase.IsReadyToExecute(Deadline.AddTicks(-1));

        // Assert
        Assert.True(ready);
    }

    [Fact]
    public void IsReadyToExecute_AtDeadline_IsFalse()
    {
        // Arrange
        var recoveryCase = OpenStandard().PassAll(VerifiedAt);

        // Act
        var ready = recoveryCase.IsReadyToExecute(Deadline);

        // Assert
        Assert.False(ready);
    }

    [Fact]
    public void IsReadyToExecute_StillVerifying_IsFalse()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        var ready = recoveryCase.IsReadyToExecute(VerifiedAt);

        // Assert
        Assert.False(ready);
    }

    [Fact]
    public void IsReadyToExecute_VerifiedCaseNeedingApproval_IsFalse()
    {
        // Arrange
        var recoveryCase = OpenElevated().PassAll(VerifiedAt);

        // Act
        var ready = recoveryCase.IsReadyToExecute(VerifiedAt);

        // Assert
        Assert.False(ready);
    }

    [Fact]
    public void IsReadyToExecute_AwaitingApproval_IsFalse()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.AwaitingApproval);

        // Act
        var ready = recoveryCase.IsReadyToExecute(VerifiedAt);

        // Assert
        Assert.False(ready);
    }

    [Fact]
    public void IsVerificationCurrent_VerifiedWithinWindow_IsTrue()
    {
        // Arrange
        var recoveryCase = OpenElevated().PassAll(VerifiedAt);

        // Act
        var current = recoveryCase.IsVerificationCurrent(VerifiedAt);

        // Assert
        Assert.True(current);
    }
}
