using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Policy;

/// <summary>One test per error class; positions are 1-based lines and columns in <see cref="MinimalPolicy"/>.</summary>
public class PolicyLoaderTests
{
    [Fact]
    public void Load_MinimalPolicy_Succeeds()
    {
        // Act
        var result = PolicyLoader.Load(MinimalPolicy.Yaml);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsPosition()
    {
        // Arrange
        var yaml = MinimalPolicy.With("when: { groups: [Domain Admins] }", "when: { groups: [Domain Admins }");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Null(result.Policy);
        Assert.Equal((25, 36), (error.Line, error.Column));
        Assert.StartsWith("YAML syntax error: ", error.Message);
    }

    [Fact]
    public void Load_UnknownStepKind_ReportsValuePositionAndKnownKinds()
    {
        // Arrange
        var yaml = MinimalPolicy.With("- kind: callback", "- kind: sms-code");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((44, 15), (error.Line, error.Column));
        Assert.Equal(
            "step kind 'sms-code' is not known; expected one of: one-time-code, push, callback, manager-attestation, identity-document, in-person-badge, knowledge-check, owner-attestation",
            error.Message);
    }

    [Fact]
    public void Load_TierReferencedButNotDefined_ReportsReference()
    {
        // Arrange
        var yaml = MinimalPolicy.With("    tier: privileged\n    when", "    tier: platinum\n    when");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((24, 11), (error.Line, error.Column));
        Assert.Equal("tier 'platinum' referenced by tier rule 'admins' is not defined; defined tiers: standard, privileged, non-human", error.Message);
    }

    [Fact]
    public void Load_CodeExpiryAboveTenMinutes_ReportsCeiling()
    {
        // Arrange
        var yaml = MinimalPolicy.With("expiry: 10m", "expiry: 15m");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((35, 17), (error.Line, error.Column));
        Assert.Equal("'expiry' in a step of 'standard-recovery' is 15m, above the maximum of 10m", error.Message);
    }

    [Fact]
    public void Load_ExceptionDurationAboveCeiling_ReportsCeiling()
    {
        // Arrange
        var yaml = MinimalPolicy.With("max-duration: 8h", "max-duration: 48h");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((54, 19), (error.Line, error.Column));
        Assert.Equal("'max-duration' in an exception type is 48h, above the maximum of 1d", error.Message);
    }

    [Fact]
    public void Load_ApprovalValidityAboveCeiling_ReportsCeiling()
    {
        // Arrange
        var yaml = MinimalPolicy.With("      validity: 1h\n", "      validity: 2d\n");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((13, 17), (error.Line, error.Column));
        Assert.Contains("above the maximum of 1d", error.Message);
    }

    [Fact]
    public void Load_PrivilegedApprovalCountZero_IsRefused()
    {
        // Arrange
        var yaml = MinimalPolicy.With("required: 2", "required: 0");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((12, 17), (error.Line, error.Column));
        Assert.Equal("tier 'privileged' needs at least one approver (NIST 800-53 AC-3(2)); 'required' is 0", error.Message);
    }

    [Fact]
    public void Load_PrivilegedApprovalQueueNone_IsRefused()
    {
        // Arrange
        var yaml = MinimalPolicy.With("      queue: security\n", "      queue: none\n");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((11, 14), (error.Line, error.Column));
        Assert.StartsWith("tier 'privileged' is the highest human tier or the non-human tier and must have an approval", error.Message);
    }

    [Fact]
    public void Load_ExceptionWaivingWholeScript_IsRefused()
    {
        // Arrange
        var yaml = MinimalPolicy.With("may-waive: [push]", "may-waive: [one-time-code]");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((53, 16), (error.Line, error.Column));
        Assert.Equal(
            "exception type 'device-unavailable' may waive every step of script 'standard-recovery' (one-time-code); an exception may waive part of a script, never all of it",
            error.Message);
    }

    [Fact]
    public void Load_ExceptionWaivingEveryStepKind_IsRefused()
    {
        // Arrange
        var all = string.Join(", ", PolicyNames<StepKind>.All);
        var yaml = MinimalPolicy.With("may-waive: [push]", $"may-waive: [{all}]");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((53, 16), (error.Line, error.Column));
        Assert.Equal("exception type 'device-unavailable' may waive every step kind; an exception may waive part of a script, never all of it", error.Message);
    }

    [Fact]
    public void Load_MisspelledKey_ReportsKeyAndSuggestion()
    {
        // Arrange
        var yaml = MinimalPolicy.With("expiry: 10m", "expirey: 10m");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert: the typo, and the code step now lacking its required expiry.
        Assert.Equal(2, result.Errors.Count);
        var error = Assert.Single(result.Errors, e => e.Message.StartsWith("unknown key", StringComparison.Ordinal));
        Assert.Equal((35, 9), (error.Line, error.Column));
        Assert.StartsWith("unknown key 'expirey' in a step of 'standard-recovery' (did you mean 'expiry'?); expected one of: ", error.Message);
    }

    [Fact]
    public void Load_KnowledgeOnlyScriptAboveStandard_IsRefused()
    {
        // Arrange
        var yaml = MinimalPolicy.With(
            "      - one-of:\n          - kind: identity-document\n          - kind: in-person-badge\n      - kind: callback",
            "      - kind: knowledge-check");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((41, 7), (error.Line, error.Column));
        Assert.StartsWith("script 'privileged-recovery' for tier 'privileged' can be passed with knowledge checks alone", error.Message);
    }

    [Fact]
    public void Load_SessionRevocationOffAboveStandard_IsRefused()
    {
        // Arrange
        var yaml = MinimalPolicy.With("[SecurityLead]\n    post-reset: { revoke-sessions: true", "[SecurityLead]\n    post-reset: { revoke-sessions: false");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((17, 36), (error.Line, error.Column));
        Assert.StartsWith("tier 'privileged' must revoke sessions after a reset", error.Message);
    }

    [Fact]
    public void Load_SessionRevocationOffAtStandard_IsAllowed()
    {
        // Arrange
        var yaml = MinimalPolicy.With("approval: { queue: none }\n    post-reset: { revoke-sessions: true", "approval: { queue: none }\n    post-reset: { revoke-sessions: false");

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.False(result.Policy.Tier("standard").PostReset.RevokeSessions);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsAllInFileOrder()
    {
        // Arrange
        var yaml = MinimalPolicy
            .With("required: 2", "required: 0")
            .Replace("- kind: callback", "- kind: sms-code", StringComparison.Ordinal)
            .Replace("max-duration: 8h", "max-duration: 48h", StringComparison.Ordinal);

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        Assert.Null(result.Policy);
        Assert.Equal([(12, 17), (44, 15), (54, 19)], result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void ToString_Error_ReadsAsLineColumnMessage()
    {
        // Arrange
        var error = new PolicyError(42, 9, "step kind 'sms-code' is not known");

        // Act
        var text = error.ToString();

        // Assert
        Assert.Equal("line 42, column 9: step kind 'sms-code' is not known", text);
    }
}
