using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Policy;

public class PolicyTestCaseLoaderTests
{
    [Fact]
    public void Load_MisspelledExpectation_ReportsPosition()
    {
        // Arrange
        var yaml = """
            cases:
              - name: typo
                subject: { kind: employee }
                action: password-reset
                context: { channel: phone, now: "2025-03-04T10:00:00+00:00" }
                expect: { tierr: standard }
            """;

        // Act
        var result = PolicyTestCaseLoader.Load(yaml, "inline.yaml");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Empty(result.Cases);
        Assert.Equal((6, 15), (error.Line, error.Column));
        Assert.StartsWith("unknown key 'tierr' in the expectations of 'typo' (did you mean 'tier'?)", error.Message);
    }

    [Fact]
    public void Load_RelativeHistory_IsMeasuredFromNow()
    {
        // Arrange
        var yaml = """
            cases:
              - name: reset yesterday
                subject: { kind: employee, last-reset-ago: 20h }
                action: unlock
                context: { channel: ticket, now: "2025-03-04T10:00:00+00:00", frozen-ago: 2h }
                expect: { tier: elevated }
            """;

        // Act
        var testCase = Assert.Single(PolicyTestCaseLoader.Load(yaml, "inline.yaml").Cases);

        // Assert
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 14, 0, 0, TimeSpan.Zero), testCase.Subject.LastCredentialResetAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero), testCase.Context.History.LastFrozenAt);
        Assert.Equal(RequestChannel.Ticket, testCase.Context.Channel);
    }
}
