using ResetConsole.Domain.Cases;
using ResetConsole.Policy;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

public sealed class RecoveryCaseExpiryTests
{
    private static readonly DateTimeOffset VerifiedAt = Now.AddMinutes(2);
    private static readonly DateTimeOffset Deadline = VerifiedAt + Validity;

    private static RecoveryCase VerifiedElevatedCase() => OpenElevated().PassAll(VerifiedAt);

    [Fact]
    public void ExpireVerificationIfDue_BeforeDeadline_ReturnsFalse()
    {
        // Arrange
        var recoveryCase = VerifiedElevatedCase();

        // Act
        var lapsed = recoveryCase.ExpireVerificationIfDue(Deadline.AddTicks(-1));

        // Assert
        Assert.False(lapsed);
    }

    [Fact]
    public void ExpireVerificationIfDue_BeforeDeadline_ChangesNothing()
    {
        // Arrange
        var recoveryCase = VerifiedElevatedCase();
        var version = recoveryCase.Version;

        // Act
        recoveryCase.ExpireVerificationIfDue(Deadline.AddSeconds(-1));

        // Assert
        Assert.Equal((CaseStatus.Verified, (DateTimeOffset?)Deadline, version),
            (recoveryCase.Status, recoveryCase.VerifiedUntil, recoveryCase.Version));
        Assert.All(recoveryCase.Steps, s => Assert.Equal(StepStatus.Passed, s.Status));
    }

    [Fact]
    public void ExpireVerificationIfDue_AtDeadline_ReturnsToVerifying()
    {
        // Arrange
        var recoveryCase = VerifiedElevatedCase();

        // Act
        var lapsed = recoveryCase.ExpireVerificationIfDue(Deadline);

        // Assert
        Assert.True(lapsed);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
    }

    [Fact]
    public void ExpireVerificationIfDue_AfterDeadline_ReturnsToVerifying()
    {
        // Arrange
        var recoveryCase = VerifiedElevatedCase();

        // Act
        var lapsed = recoveryCase.ExpireVerificationIfDue(Deadline.AddHours(3));

        // Assert
        Assert.True(lapsed);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
    }

    [Fact]
    public void ExpireVerificationIfDue_Lapsed_ClearsVerifiedTimes()
    {
        // Arrange
        var recoveryCase = VerifiedElevatedCase();

        // Act
        recoveryCase.ExpireVerificationIfDue(Deadline);

        // Assert
        Assert.Equal((null, null), (recoveryCase.VerifiedAt, recoveryCase.VerifiedUntil));
    }

    [Fact]
    public void ExpireVerificationIfDue_Lapsed_PutsPassedStepsBackToPending()
    {
        // Arrange
        var recoveryCase = VerifiedElevatedCase();

        // Act
        recoveryCase.ExpireVerificationIfDue(Deadline);

        // Assert
        Assert.All(recoveryCase.Steps, s =>
        {
            Assert.Equal(StepStatus.Pending, s.Status);
            Assert.Empty(s.PassedKinds);
        });
    }

    [Fact]
    public void ExpireVerificationIfDue_Lapsed_KeepsEvidenceAsHistory()
    {
        // Arrange
        var recoveryCase = VerifiedElevatedCase();
        var evidence = recoveryCase.Steps.SelectMany(s => s.Evidence).ToList();

        // Act
        recoveryCase.ExpireVerificationIfDue(Deadline);

        // Assert
        Assert.Equal(evidence, recoveryCase.Steps.SelectMany(s => s.Evidence));
        Assert.Equal(2, evidence.Count);
    }

    [Fact]
    public void ExpireVerificationIfDue_Lapsed_GivesPassedStepFreshAttempts()
    {
        // Arrange
        var recoveryCase = OpenStandard();
        var step = recoveryCase.StepById("contact-code");
        recoveryCase.FailAttempt(step.Id, Failed(StepKind.OneTimeCode, VerifiedAt), VerifiedAt);
        recoveryCase.PassStep(step.Id, Passed(StepKind.OneTimeCode, VerifiedAt), VerifiedAt);

        // Act
        recoveryCase.ExpireVerificationIfDue(Deadline);

        // Assert
        Assert.Equal(3, step.AttemptsLeft(StepKind.OneTimeCode));
    }

    [Fact]
    public void ExpireVerificationIfDue_Lapsed_KeepsWaivedStepWaived()
    {
        // Arrange
        var recoveryCase = OpenElevated();
        recoveryCase.StepById("possession-or-manager").Status = StepStatus.Waived;
        recoveryCase.PassAll(VerifiedAt);

        // Act
        recoveryCase.ExpireVerificationIfDue(Deadline);

        // Assert
        Assert.Equal(StepStatus.Waived, recoveryCase.StepById("possession-or-manager").Status);
        Assert.Equal(StepStatus.Pending, recoveryCase.StepById("contact-code").Status);
    }

    [Fact]
    public void ExpireVerificationIfDue_Lapsed_StepsCanBePassedAgainForANewWindow()
    {
        // Arrange
        var recoveryCase = VerifiedElevatedCase();
        recoveryCase.ExpireVerificationIfDue(Deadline);
        var again = Deadline.AddMinutes(10);

        // Act
        recoveryCase.PassAll(again);

        // Assert
        Assert.Equal((CaseStatus.Verified, (DateTimeOffset?)(again + Validity)), (recoveryCase.Status, recoveryCase.VerifiedUntil));
    }

    [Fact]
    public void ExpireVerificationIfDue_Lapsed_MovesVersionAndUpdatedAt()
    {
        // Arrange
        var recoveryCase = VerifiedElevatedCase();
        var version = recoveryCase.Version;

        // Act
        recoveryCase.ExpireVerificationIfDue(Deadline);

        // Assert
        Assert.Equal((version + 1, Deadline), (recoveryCase.Version, recoveryCase.UpdatedAt));
    }

    [Theory]
    [InlineData(CaseStatus.Verifying)]
    [InlineData(CaseStatus.AwaitingApproval)]
    [InlineData(CaseStatus.Frozen)]
    [InlineData(CaseStatus.Abandoned)]
    public void ExpireVerificationIfDue_CaseNotVerified_ReturnsFalseAndKeepsStatus(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var lapsed = recoveryCase.ExpireVerificationIfDue(Now.AddDays(1));

        // Assert
        Assert.False(lapsed);
        Assert.Equal(status, recoveryCase.Status);
    }
}
