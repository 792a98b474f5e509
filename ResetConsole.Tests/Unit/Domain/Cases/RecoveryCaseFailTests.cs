using ResetConsole.Domain.Cases;
using ResetConsole.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

/// <summary><see cref="RecoveryCase.FailAttempt"/> (a wrong answer) and <see cref="RecoveryCase.FailStep"/> (a definite failure).</summary>
public sealed class RecoveryCaseFailTests
{
    private const string Verifier = "agent-lee";
    private static readonly DateTimeOffset At = Now.AddMinutes(4);

    [Fact]
    public void FailAttempt_FirstWrongCode_CountsDownAttempts()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");

        // Act
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Equal((1, 2), (step.FailedAttempts, step.AttemptsLeft(StepKind.OneTimeCode)));
    }

    [Fact]
    public void FailAttempt_AttemptsRemain_ReturnsFalseAndStaysVerifying()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);

        // Act
        var exhausted = recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.False(exhausted);
        Assert.Equal((StepStatus.Pending, CaseStatus.Verifying), (step.Status, recoveryCase.Status));
    }

    [Fact]
    public void FailAttempt_WrongAnswer_RecordsFailedEvidence()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");
        var evidence = Failed(StepKind.OneTimeCode, At, Verifier);

        // Act
        recoveryCase.FailAttempt(step.Id, evidence, At);

        // Assert
        Assert.Equal([evidence], step.Evidence);
    }

    [Fact]
    public void FailAttempt_LastAttempt_ReturnsTrue()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);

        // Act
        var exhausted = recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.True(exhausted);
    }

    [Fact]
    public void FailAttempt_LastAttempt_FailsStep()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");

        // Act
        for (var i = 0; i < 3; i++)
        {
            recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);
        }

        // Assert
        Assert.Equal((StepStatus.Failed, 0), (step.Status, step.AttemptsLeft(StepKind.OneTimeCode)));
    }

    [Fact]
    public void FailAttempt_LastAttempt_FreezesCaseWithReason()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);
        var last = At.AddMinutes(1);

        // Act
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, last, Verifier), last);

        // Assert
        Assert.Equal(CaseStatus.Frozen, recoveryCase.Status);
        Assert.Equal("Step failed: one-time-code attempts exhausted.", recoveryCase.FrozenReason);
        Assert.Equal((last, Verifier), (recoveryCase.FrozenAt, recoveryCase.FrozenById));
    }

    [Fact]
    public void FailAttempt_OptionWithTwoAttempts_FreezesOnSecondWrongAnswer()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("possession-or-manager");
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.Push, At), At);

        // Act
        var exhausted = recoveryCase.FailAttempt(step.Id, Failed(StepKind.Push, At), At);

        // Assert
        Assert.True(exhausted);
        Assert.Equal(CaseStatus.Frozen, recoveryCase.Status);
    }

    [Fact]
    public void AttemptsLeft_OptionWithoutAttemptLimit_UsesDefaultOfThree()
    {
        // Arrange
        var recoveryCase = OpenElevated();

        // Act
        var left = recoveryCase.StepById("possession-or-manager").AttemptsLeft(StepKind.ManagerAttestation);

        // Assert
        Assert.Equal(StepOptionSnapshot.DefaultAttempts, left);
    }

    [Fact]
    public void FailAttempt_KindTheStepDoesNotAllow_ThrowsAndCountsNothing()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.FailAttempt(step.Id, Failed(StepKind.Push, At), At));

        // Assert
        Assert.Equal("This step cannot be satisfied by push.", ex.Message);
        Assert.Equal((0, 0), (step.FailedAttempts, step.Evidence.Count));
    }

    [Fact]
    public void FailAttempt_StepAlreadyPassed_Throws()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("contact-code");
        recoveryCase.PassStep(step.Id, Passed(StepKind.OneTimeCode, At), At);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At));

        // Assert
        Assert.Equal("This step is already passed.", ex.Message);
    }

    [Fact]
    public void PassStep_AfterWrongAnswerWithAttemptsLeft_PassesStep()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, At), At);

        // Act
        recoveryCase.PassStep(step.Id, Passed(StepKind.OneTimeCode, At), At);

        // Assert
        Assert.Equal((StepStatus.Passed, CaseStatus.Verified), (step.Status, recoveryCase.Status));
    }

    [Fact]
    public void FailStep_DefiniteFailure_FreezesCaseAtOnce()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("possession-or-manager");
        var evidence = Failed(StepKind.Push, At, Verifier) with { Method = "push denied on the enrolled device" };

        // Act
        recoveryCase.FailStep(step.Id, evidence, At);

        // Assert
        Assert.Equal(CaseStatus.Frozen, recoveryCase.Status);
        Assert.Equal("Step failed: push denied on the enrolled device.", recoveryCase.FrozenReason);
        Assert.Equal((At, Verifier), (recoveryCase.FrozenAt, recoveryCase.FrozenById));
    }

    [Fact]
    public void FailStep_DefiniteFailure_FailsStepAndKeepsEvidence()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("possession-or-manager");
        var evidence = Failed(StepKind.ManagerAttestation, At);

        // Act
        recoveryCase.FailStep(step.Id, evidence, At);

        // Assert
        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.Equal([evidence], step.Evidence);
    }

    [Fact]
    public void FailStep_KindTheStepDoesNotAllow_ThrowsAndStaysVerifying()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        var step = recoveryCase.StepById("contact-code");

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.FailStep(step.Id, Failed(StepKind.Callback, At), At));

        // Assert
        Assert.Equal((StepStatus.Pending, CaseStatus.Verifying), (step.Status, recoveryCase.Status));
    }
}
