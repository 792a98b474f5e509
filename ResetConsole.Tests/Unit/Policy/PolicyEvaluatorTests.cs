using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Policy;

public class PolicyEvaluatorTests
{
    private readonly CompiledPolicy _policy = PolicyFiles.Default;

    [Fact]
    public void Evaluate_DomainAdmin_ReasonNamesGroupRuleAndControls()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.DomainAdmin(), RequestedAction.PasswordReset, PolicySamples.Phone());

        // Assert
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(("member of Domain Admins", "directory-admins"), (reason.Text, reason.RuleId));
        Assert.Contains("NIST-CSF-2.0 PR.AA-02", reason.Controls);
    }

    [Fact]
    public void Evaluate_GroupNameInOtherCase_StillMatches()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.Employee("domain admins"), RequestedAction.PasswordReset, PolicySamples.Phone());

        // Assert
        Assert.Equal("privileged", decision.Tier.Id);
    }

    [Fact]
    public void Evaluate_Privileged_HasCoolDownCancellableBySubjectAndManager()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.DomainAdmin(), RequestedAction.MfaReset, PolicySamples.Phone());

        // Assert
        Assert.NotNull(decision.CoolDown);
        Assert.Equal(TimeSpan.FromMinutes(60), decision.CoolDown.Duration);
        Assert.Equal([CancelParty.Subject, CancelParty.Manager], decision.CoolDown.CancelBy);
    }

    [Fact]
    public void Evaluate_AnyApproval_ExcludesRequesterVerifierSubjectAndVendors()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.FinanceApprover(), RequestedAction.MfaReset, PolicySamples.Phone());

        // Assert
        Assert.Equal(ApprovalQueue.Supervisor, decision.Approval.Queue);
        Assert.Superset(
            new HashSet<ApprovalExclusion> { ApprovalExclusion.VendorAgents, ApprovalExclusion.Requester, ApprovalExclusion.Verifier, ApprovalExclusion.Subject },
            decision.Approval.Excluded.ToHashSet());
    }

    [Fact]
    public void Evaluate_StandardCodeStep_CarriesLimits()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.Employee(), RequestedAction.PasswordReset, PolicySamples.Phone());

        // Assert
        var option = Assert.Single(Assert.Single(decision.Steps).Options);
        Assert.Equal(StepKind.OneTimeCode, option.Kind);
        Assert.Equal((6, TimeSpan.FromMinutes(10), 3), (option.Limits.CodeLength, option.Limits.Expiry, option.Limits.Attempts));
        Assert.Equal([ContactKind.Email, ContactKind.Phone], option.Limits.Contacts);
    }

    [Fact]
    public void Evaluate_ChatChannel_AddedStepNamesSignalAsSource()
    {
        // Arrange
        var context = PolicySamples.Phone() with { Channel = RequestChannel.Chat };

        // Act
        var decision = _policy.Evaluate(PolicySamples.Employee(), RequestedAction.PasswordReset, context);

        // Assert
        Assert.Equal(["standard-recovery", "text-channel"], decision.Steps.Select(s => s.SourceRuleId));
    }

    [Fact]
    public void Evaluate_ServiceAccountUnlock_ActionRefused()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.Service(), RequestedAction.Unlock, PolicySamples.Phone());

        // Assert
        Assert.False(decision.Action.Allowed);
        Assert.False(decision.CanProceed);
        Assert.Empty(decision.Steps);
        Assert.Equal("'unlock' is not available for a non-human identity; request a secret rotation", decision.Action.Reason);
    }

    [Fact]
    public void Evaluate_HumanSecretRotation_ActionRefused()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.Employee(), RequestedAction.SecretRotation, PolicySamples.Phone());

        // Assert
        Assert.False(decision.Action.Allowed);
        Assert.Null(decision.ScriptId);
    }

    [Fact]
    public void Evaluate_VendorOnPrivileged_RefusedWithReason()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.DomainAdmin(), RequestedAction.PasswordReset, PolicySamples.Phone(vendor: true));

        // Assert
        Assert.False(decision.Vendor.Allowed);
        Assert.Equal("vendor agents may not handle tier 'Privileged'; an internal agent must take the case", decision.Vendor.Reason);
    }

    [Fact]
    public void Evaluate_FrozenRecently_ReportsProtectionEnd()
    {
        // Arrange
        var frozenAt = PolicySamples.Now.AddHours(-2);
        var context = PolicySamples.Phone(new RecentHistory(LastFrozenAt: frozenAt));

        // Act
        var decision = _policy.Evaluate(PolicySamples.Employee(), RequestedAction.PasswordReset, context);

        // Assert
        Assert.Equal(frozenAt.AddHours(24), decision.ProtectedUntil);
        Assert.Equal("elevated", decision.Tier.Id);
    }

    [Fact]
    public void Evaluate_NoFreeze_NoProtection()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.Employee(), RequestedAction.PasswordReset, PolicySamples.Phone());

        // Assert
        Assert.Null(decision.ProtectedUntil);
        Assert.True(decision.CanProceed);
    }

    [Fact]
    public void Evaluate_ThreeSignalsOnStandard_CappedAtHighestHumanTier()
    {
        // Arrange
        var history = new RecentHistory(PolicySamples.Now.AddHours(-1), FailedVerifications: 5, AgentCasesLastHour: 30);

        // Act
        var decision = _policy.Evaluate(PolicySamples.Employee(), RequestedAction.PasswordReset, PolicySamples.Phone(history));

        // Assert
        Assert.Equal("privileged", decision.Tier.Id);
        Assert.Equal("standard", decision.BaseTier.Id);
        Assert.Equal(3, decision.Signals.Count);
    }

    [Fact]
    public void Evaluate_Elevated_OffersDeviceExceptionButNotAtStandard()
    {
        // Act
        var elevated = _policy.Evaluate(PolicySamples.FinanceApprover(), RequestedAction.MfaReset, PolicySamples.Phone());
        var standard = _policy.Evaluate(PolicySamples.Employee(), RequestedAction.MfaReset, PolicySamples.Phone());

        // Assert
        var device = Assert.Single(elevated.Exceptions, e => e.Id == "enrolled-device-unavailable");
        Assert.Equal((TimeSpan.FromHours(8), TimeSpan.FromHours(24)), (device.MaxDuration, device.ReviewWithin));
        Assert.Empty(standard.Exceptions);
    }

    [Fact]
    public void Evaluate_AnyTier_VerificationValidityAndPostResetFromPolicy()
    {
        // Act
        var decision = _policy.Evaluate(PolicySamples.Service(), RequestedAction.PasswordReset, PolicySamples.Phone());

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(15), decision.VerificationValidity);
        Assert.True(decision.PostReset.RevokeSessions);
        Assert.True(decision.PostReset.NotifySubjectAtAllContacts);
        Assert.Equal(RequestedAction.SecretRotation, decision.EffectiveAction);
    }
}
