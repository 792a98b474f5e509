using Bunit;
using ResetConsole.Directory.Demo;
using ResetConsole.Features.Policy;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;
using ResetConsole.Tests.Unit.Policy;

namespace ResetConsole.Tests.Components.Policy;

public sealed class PolicyDecisionViewTests : ConsoleTestContext
{
    private static readonly InMemoryDirectory Directory = new();

    [Fact]
    public void Render_PrivilegedDecision_ShowsTierStepsApprovalsAndControls()
    {
        var decision = Evaluate(DemoAccounts.DomainAdmin);

        var view = Render<PolicyDecisionView>(p => p.Add(c => c.Decision, decision));

        Assert.Equal("privileged", view.Find(".risk-tier-chip").GetAttribute("data-tier"));
        Assert.Contains("2 approval(s) in the Security queue", view.Markup);
        Assert.Contains("NIST-800-53 AC-5", view.Markup);
        Assert.Equal(decision.Steps.Count, view.FindAll("ol[aria-label='Verification script'] > li").Count);
    }

    [Fact]
    public void Render_VendorAgentOnPrivileged_ShowsTheRefusal()
    {
        var decision = Evaluate(DemoAccounts.DomainAdmin, vendor: true);

        var view = Render<PolicyDecisionView>(p => p.Add(c => c.Decision, decision));

        Assert.False(decision.CanProceed);
        Assert.Contains(decision.Vendor.Reason, view.Find("[role=alert]").TextContent);
    }

    private static PolicyDecision Evaluate(string username, bool vendor = false) =>
        PolicyFiles.Default.Evaluate(
            Directory.ByUsername(username),
            RequestedAction.PasswordReset,
            new RequestContext(RequestChannel.Phone, "dana", vendor, new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), RecentHistory.None));
}
