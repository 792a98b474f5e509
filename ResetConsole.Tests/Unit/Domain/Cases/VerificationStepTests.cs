using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Domain.Cases;

public sealed class VerificationStepTests
{
    private static VerificationStep PushOrManager() => new()
    {
        PolicyStepId = "possession-or-manager",
        SourceRuleId = "elevated-recovery",
        Options =
        [
            new StepOptionSnapshot(StepKind.Push, [], null, TimeSpan.FromMinutes(5), 2),
            new StepOptionSnapshot(StepKind.ManagerAttestation, [], null, null, null),
        ],
    };

    [Theory]
    [InlineData(StepKind.Push, true)]
    [InlineData(StepKind.ManagerAttestation, true)]
    [InlineData(StepKind.OneTimeCode, false)]
    public void Allows_Kind_IsTrueOnlyForItsOptions(StepKind kind, bool expected)
    {
        // Arrange
        var step = PushOrManager();

        // Act
        var allows = step.Allows(kind);

        // Assert
        Assert.Equal(expected, allows);
    }

    [Fact]
    public void Option_KindNotOffered_ThrowsNamingTheKind()
    {
        // Arrange
        var step = PushOrManager();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => step.Option(StepKind.InPersonBadge));

        // Assert
        Assert.Equal("This step cannot be satisfied by in-person-badge.", ex.Message);
    }

    [Theory]
    [InlineData(StepStatus.Pending, false)]
    [InlineData(StepStatus.Passed, true)]
    [InlineData(StepStatus.Failed, false)]
    [InlineData(StepStatus.Waived, true)]
    public void IsSatisfied_Status_IsTrueWhenPassedOrWaived(StepStatus status, bool expected)
    {
        // Arrange
        var step = PushOrManager();
        step.Status = status;

        // Act
        var satisfied = step.IsSatisfied;

        // Assert
        Assert.Equal(expected, satisfied);
    }

    [Fact]
    public void AttemptsLeft_MoreFailuresThanTheOptionAllows_IsZero()
    {
        // Arrange
        var step = PushOrManager();
        step.FailedAttempts = 5;

        // Act
        var left = step.AttemptsLeft(StepKind.Push);

        // Assert
        Assert.Equal(0, left);
    }

    [Fact]
    public void AttemptsLeft_NoFailures_IsTheOptionsLimit()
    {
        // Arrange
        var step = PushOrManager();

        // Act
        var left = step.AttemptsLeft(StepKind.Push);

        // Assert
        Assert.Equal(2, left);
    }

    [Fact]
    public void MinCount_NewStep_DefaultsToOne()
    {
        // Act
        var step = PushOrManager();

        // Assert
        Assert.Equal(1, step.MinCount);
    }
}
