using ResetConsole.Domain.Cases;

namespace ResetConsole.Tests.Unit.Domain.Cases;

public sealed class CaseStatusExtensionsTests
{
    [Theory]
    [InlineData(CaseStatus.Verifying, true)]
    [InlineData(CaseStatus.Verified, true)]
    [InlineData(CaseStatus.AwaitingApproval, true)]
    [InlineData(CaseStatus.Approved, true)]
    [InlineData(CaseStatus.CoolingDown, true)]
    [InlineData(CaseStatus.Executing, true)]
    [InlineData(CaseStatus.Frozen, true)]
    [InlineData(CaseStatus.NeedsAttention, true)]
    [InlineData(CaseStatus.Completed, false)]
    [InlineData(CaseStatus.Rejected, false)]
    [InlineData(CaseStatus.Abandoned, false)]
    public void IsOpen_Status_IsFalseOnlyForClosedStates(CaseStatus status, bool expected) =>
        Assert.Equal(expected, status.IsOpen());

    [Theory]
    [InlineData(CaseStatus.AwaitingApproval, "Awaiting approval")]
    [InlineData(CaseStatus.CoolingDown, "Cooling down")]
    [InlineData(CaseStatus.NeedsAttention, "Needs attention")]
    [InlineData(CaseStatus.Frozen, "Frozen")]
    public void Label_Status_IsReadable(CaseStatus status, string expected) =>
        Assert.Equal(expected, status.Label());
}
