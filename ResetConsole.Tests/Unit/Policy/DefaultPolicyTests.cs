using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Policy;

public class DefaultPolicyTests
{
    [Fact]
    public void Load_DefaultPolicyFile_Succeeds()
    {
        // Arrange
        var yaml = File.ReadAllText(PolicyFiles.DefaultPolicyPath);

        // Act
        var result = PolicyLoader.Load(yaml);

        // Assert
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(["standard", "elevated", "privileged", "non-human"], result.Policy.Definition.Tiers.Select(t => t.Id));
    }

    [Fact]
    public void Build_DefaultPolicy_ListsTwoPersonRuleUnderPrivilegedApproval()
    {
        // Arrange
        var policy = PolicyFiles.Default;

        // Act
        var index = ControlsIndex.Build(policy);

        // Assert
        var entry = Assert.Single(index, e => e.ControlId == "NIST-800-53 AC-3(2)");
        var rule = Assert.Single(entry.ImplementedBy);
        Assert.Equal(("approval", "privileged"), (rule.RuleKind, rule.RuleId));
    }

    [Fact]
    public void Build_DefaultPolicy_IsSortedAndListsEachControlOnce()
    {
        // Arrange
        var policy = PolicyFiles.Default;

        // Act
        var ids = ControlsIndex.Build(policy).Select(e => e.ControlId).ToList();

        // Assert
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("OWASP-NHI-03", ids);
        Assert.Contains("CSA-MAESTRO GOV-01", ids);
    }

    [Fact]
    public void Build_DefaultPolicy_IncludesScriptSteps()
    {
        // Arrange
        var policy = PolicyFiles.Default;

        // Act
        var entry = ControlsIndex.Build(policy).Single(e => e.ControlId == "NIST-800-63B-4 §4.2.1");

        // Assert
        Assert.Contains(entry.ImplementedBy, r => r is { RuleKind: "step", RuleId: "standard-recovery/contact-code" });
    }
}
