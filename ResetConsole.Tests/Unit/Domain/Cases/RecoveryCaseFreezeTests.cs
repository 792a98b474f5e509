using ResetConsole.Domain.Cases;
using static ResetConsole.Tests.Unit.Domain.Cases.CaseScenarios;

namespace ResetConsole.Tests.Unit.Domain.Cases;

/// <summary>Freezing for suspected social engineering, and a security lead's release of a frozen case.</summary>
public sealed class RecoveryCaseFreezeTests
{
    private const string SecurityLead = "sec-ines";
    private static readonly DateTimeOffset At = Now.AddMinutes(6);

    [Theory]
    [InlineData(CaseStatus.Verifying)]
    [InlineData(CaseStatus.Verified)]
    [InlineData(CaseStatus.AwaitingApproval)]
    public void Freeze_OpenCaseBeforeExecution_Freezes(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        recoveryCase.Freeze("caller read the code from a second voice", SecurityLead, At);

        // Assert
        Assert.Equal(CaseStatus.Frozen, recoveryCase.Status);
    }

    [Fact]
    public void Freeze_Reason_RecordsTrimmedReasonWhoAndWhen()
    {
        // Arrange
        var recoveryCase = OpenElevated();

        // Act
        recoveryCase.Freeze("  caller pushed for urgency  ", SecurityLead, At);

        // Assert
        Assert.Equal(("caller pushed for urgency", SecurityLead, (DateTimeOffset?)At),
            (recoveryCase.FrozenReason, recoveryCase.FrozenById, recoveryCase.FrozenAt));
    }

    [Fact]
    public void Freeze_VerifiedCase_IsNoLongerReadyToExecute()
    {
        // Arrange
        var recoveryCase = OpenStandard().PassAll(Now.AddMinutes(1));

        // Act
        recoveryCase.Freeze("caller could not name their own team", SecurityLead, At);

        // Assert
        Assert.False(recoveryCase.IsReadyToExecute(At));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Freeze_BlankReason_Throws(string reason)
    {
        // Arrange
        var recoveryCase = OpenElevated();

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Freeze(reason, SecurityLead, At));

        // Assert
        Assert.Equal("A reason is required.", ex.Message);
    }

    [Fact]
    public void Freeze_BlankReason_LeavesCaseVerifying()
    {
        // Arrange
        var recoveryCase = OpenElevated();

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.Freeze(" ", SecurityLead, At));

        // Assert
        Assert.Equal((CaseStatus.Verifying, 0, null), (recoveryCase.Status, recoveryCase.Version, recoveryCase.FrozenAt));
    }

    [Fact]
    public void Freeze_FrozenCase_Throws()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Freeze("second report", SecurityLead, At));

        // Assert
        Assert.Equal("A case that is frozen cannot be frozen.", ex.Message);
    }

    [Fact]
    public void Freeze_FrozenCase_KeepsFirstReason()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);
        var first = recoveryCase.FrozenReason;

        // Act
        Assert.Throws<CaseRuleException>(() => recoveryCase.Freeze("second report", SecurityLead, At));

        // Assert
        Assert.Equal(first, recoveryCase.FrozenReason);
    }

    [Theory]
    [InlineData(CaseStatus.Abandoned, "abandoned")]
    [InlineData(CaseStatus.Completed, "completed")]
    [InlineData(CaseStatus.Rejected, "rejected")]
    public void Freeze_ClosedCase_Throws(CaseStatus status, string label)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Freeze("late report", SecurityLead, At));

        // Assert
        Assert.Equal($"A case that is {label} cannot be frozen.", ex.Message);
    }

    [Fact]
    public void Freeze_ExecutingCase_Throws()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Executing);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Freeze("late report", SecurityLead, At));

        // Assert
        Assert.Equal("A case that is executing cannot be frozen.", ex.Message);
    }

    [Fact]
    public void Release_FrozenCase_AbandonsWithSecurityReason()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        recoveryCase.Release("  confirmed with the subject in person  ", At);

        // Assert
        Assert.Equal(CaseStatus.Abandoned, recoveryCase.Status);
        Assert.Equal("Released by security: confirmed with the subject in person", recoveryCase.ClosedReason);
        Assert.Equal(At, recoveryCase.ClosedAt);
    }

    [Fact]
    public void Release_FrozenCase_KeepsFreezeRecord()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);
        var reason = recoveryCase.FrozenReason;

        // Act
        recoveryCase.Release("reviewed", At);

        // Assert
        Assert.Equal(reason, recoveryCase.FrozenReason);
        Assert.NotNull(recoveryCase.FrozenAt);
    }

    [Fact]
    public void Release_FrozenCase_ClosesIt()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        recoveryCase.Release("reviewed", At);

        // Assert
        Assert.False(recoveryCase.Status.IsOpen());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Release_BlankReason_ThrowsAndStaysFrozen(string reason)
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Release(reason, At));

        // Assert
        Assert.Equal("A reason is required.", ex.Message);
        Assert.Equal(CaseStatus.Frozen, recoveryCase.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Verifying)]
    [InlineData(CaseStatus.Verified)]
    [InlineData(CaseStatus.AwaitingApproval)]
    [InlineData(CaseStatus.Approved)]
    [InlineData(CaseStatus.Executing)]
    [InlineData(CaseStatus.Abandoned)]
    [InlineData(CaseStatus.Completed)]
    public void Release_CaseNotFrozen_Throws(CaseStatus status)
    {
        // Arrange
        var recoveryCase = InState(status);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Release("reviewed", At));

        // Assert
        Assert.Equal("Only a frozen case can be released.", ex.Message);
    }

    [Fact]
    public void Release_ReleasedCase_CannotBeFrozenAgain()
    {
        // Arrange
        var recoveryCase = InState(CaseStatus.Frozen);
        recoveryCase.Release("reviewed", At);

        // Act
        var ex = Assert.Throws<CaseRuleException>(() => recoveryCase.Freeze("again", SecurityLead, At));

        // Assert
        Assert.Equal("A case that is abandoned cannot be frozen.", ex.Message);
    }
}
