using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Domain.Cases;

public sealed class StepOptionSnapshotTests
{
    [Fact]
    public void From_PolicyOption_CopiesKindAndLimits()
    {
        // Arrange
        var option = new StepOption(StepKind.OneTimeCode, new StepLimits([ContactKind.Phone], 6, TimeSpan.FromMinutes(10), 4));

        // Act
        var snapshot = StepOptionSnapshot.From(option);

        // Assert
        Assert.Equal(StepKind.OneTimeCode, snapshot.Kind);
        Assert.Equal([ContactKind.Phone], snapshot.Contacts);
        Assert.Equal((6, TimeSpan.FromMinutes(10), 4), (snapshot.CodeLength, snapshot.Expiry, snapshot.MaxAttempts));
    }

    [Fact]
    public void MaxAttempts_NoLimitInPolicy_IsDefaultOfThree()
    {
        // Arrange
        var snapshot = StepOptionSnapshot.From(new StepOption(StepKind.ManagerAttestation, StepLimits.None));

        // Act
        var max = snapshot.MaxAttempts;

        // Assert
        Assert.Equal(3, max);
    }
}
