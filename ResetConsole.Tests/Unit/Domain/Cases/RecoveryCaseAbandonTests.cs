using ResetConsole.Domain.Cases;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

public sealed class RecoveryCaseAbandonTests
{
    private static readonly DateTimeOffset At = Now.AddMinutes(7);

    [Theory]
    [InlineData(CaseStatus.Verifying)]
    [InlineData(CaseStatus.Verified)]
    [InlineData(CaseStatus.AwaitingApproval)]
    public void Abandon_CaseBeforeApproval_Abandons(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        recoveryCase.Abandon("caller hung up", At);

        // Assert
        Assert.Equal(CaseStatus.Abandoned, recoveryCase.Status);
    }

    [Fact]
    public void Abandon_Reason_RecordsTrimmedReasonAndTime()
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        recoveryCase.Abandon("  duplicate of INC-20400 ", At);

        // Assert
        Assert.Equal(("duplicate of INC-20400", (DateTimeOffset?)At), (recoveryCase.ClosedReason, recoveryCase.ClosedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t ")]
    public void Abandon_BlankReason_ThrowsAndStaysOpen(string reason)
    {
        // Arrange
        var recoveryCase = OpenStandard();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Abandon(reason, At));

        // Assert
        Assert.Equal("A reason is required.", ex.Message);
        Assert.Equal(CaseStatus.Verifying, recoveryCase.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Frozen, "frozen")]
    [InlineData(CaseStatus.Approved, "approved")]
    [InlineData(CaseStatus.CoolingDown, "cooling down")]
    [InlineData(CaseStatus.Executing, "executing")]
    [InlineData(CaseStatus.NeedsAttention, "needs attention")]
    [InlineData(CaseStatus.Completed, "completed")]
    [InlineData(CaseStatus.Rejected, "rejected")]
    [InlineData(CaseStatus.Abandoned, "abandoned")]
    public void Abandon_CaseInOtherState_Throws(CaseStatus status, string label)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Abandon("no longer needed", At));

        // Assert
        Assert.Equal($"A case that is {label} cannot be abandoned.", ex.Message);
    }

    [Fact]
    public void Abandon_FrozenCase_StaysFrozenForSecurity()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.Abandon("agent gives up", At));

        // Assert
        Assert.Equal((CaseStatus.Frozen, null), (recoveryCase.Status, recoveryCase.ClosedAt));
    }
}
