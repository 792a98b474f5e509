using ResetConsole.Domain.Cases;
using ResetConsole.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

/// <summary>Steps are recorded only while a case is verifying; every other state refuses, and says why.</summary>
public sealed class RecoveryCaseRecordingRefusedTests
{
    private const string FrozenMessage = "This case is frozen for suspected social engineering; only a security lead can release it.";
    private static readonly DateTimeOffset At = Now.AddMinutes(5);

    [Fact]
    public void PassStep_FrozenCase_ThrowsFrozenMessage()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal(FrozenMessage, ex.Message);
    }

    [Fact]
    public void FailAttempt_FrozenCase_ThrowsFrozenMessage()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.FailAttempt(recoveryCase.Steps[0].Id, Failed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal(FrozenMessage, ex.Message);
    }

    [Fact]
    public void FailStep_FrozenCase_ThrowsFrozenMessage()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.FailStep(recoveryCase.Steps[0].Id, Failed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal(FrozenMessage, ex.Message);
    }

    [Fact]
    public void PassStep_CaseFrozenByExhaustedAttempts_ThrowsOnOtherStep()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var code = recoveryCase.StepById("contact-code");
        for (var i = 0; i < 3; i++)
        {
            recoveryCase.FailAttempt(code.Id, Failed(StepKind.OneTimeCode, At), At);
        }

        // Act
        var ex = Assert.Throws<CaseRuleException>(() =>
            recoveryCase.PassStep(recoveryCase.StepById("possession-or-manager").Id, Passed(StepKind.Push, At), At));

        // Assert
        Assert.Equal(FrozenMessage, ex.Message);
    }

    [Fact]
    public void PassStep_VerifiedCase_Throws()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Verified);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal("Steps can only be recorded while the case is verifying; it is verified.", ex.Message);
    }

    [Fact]
    public void FailAttempt_VerifiedCase_ThrowsAndKeepsVerification()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Verified);

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.FailAttempt(recoveryCase.Steps[0].Id, Failed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal((CaseStatus.Verified, 0), (recoveryCase.Status, recoveryCase.Steps[0].FailedAttempts));
    }

    [Fact]
    public void FailStep_VerifiedCase_Throws()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Verified);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.FailStep(recoveryCase.Steps[0].Id, Failed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal("Steps can only be recorded while the case is verifying; it is verified.", ex.Message);
    }

    [Fact]
    public void PassStep_AwaitingApprovalCase_Throws()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.AwaitingApproval);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal("Steps can only be recorded while the case is verifying; it is awaiting approval.", ex.Message);
    }

    [Fact]
    public void FailStep_AwaitingApprovalCase_ThrowsAndDoesNotFreeze()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.AwaitingApproval);

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.FailStep(recoveryCase.Steps[0].Id, Failed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal(CaseStatus.AwaitingApproval, recoveryCase.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Abandoned, "abandoned")]
    [InlineData(CaseStatus.Completed, "completed")]
    [InlineData(CaseStatus.Rejected, "rejected")]
    public void PassStep_ClosedCase_Throws(CaseStatus status, string label)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal($"Steps can only be recorded while the case is verifying; it is {label}.", ex.Message);
    }

    [Theory]
    [InlineData(CaseStatus.Abandoned)]
    [InlineData(CaseStatus.Completed)]
    [InlineData(CaseStatus.Rejected)]
    public void FailAttempt_ClosedCase_Throws(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Record.Exception(() => recoveryCase.FailAttempt(recoveryCase.Steps[0].Id, Failed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.IsType<CaseRuleException>(ex);
    }

    [Theory]
    [InlineData(CaseStatus.Approved)]
    [InlineData(CaseStatus.CoolingDown)]
    [InlineData(CaseStatus.Executing)]
    [InlineData(CaseStatus.NeedsAttention)]
    public void PassStep_CaseBeyondVerification_Throws(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var act = () => recoveryCase.PassStep(recoveryCase.Steps[0].Id, Passed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Throws<CaseRuleException>(act);
    }

    [Theory]
    [InlineData(CaseStatus.Frozen)]
    [InlineData(CaseStatus.Verified)]
    [InlineData(CaseStatus.AwaitingApproval)]
    [InlineData(CaseStatus.Abandoned)]
    public void PassStep_Refused_LeavesVersionAndEvidenceUnchanged(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);
        var version = recoveryCase.Version;
        var evidence = recoveryCase.Steps.Sum(s => s.Evidence.Count);

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.PassStep(recoveryCase.Steps[1].Id, Passed(StepKind.Push, At), At));

        // Assert
        Assert.Equal((version, evidence), (recoveryCase.Version, recoveryCase.Steps.Sum(s => s.Evidence.Count)));
    }
}
