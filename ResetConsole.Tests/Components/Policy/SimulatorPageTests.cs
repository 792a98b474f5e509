using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Features.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Components.Policy;

public sealed class SimulatorPageTests : ConsoleTestContext
{
    public SimulatorPageTests()
    {
        Services.AddSingleton<IPolicyCatalog, StaticPolicyCatalog>();
        Services.AddSingleton<IDirectoryConnector, InMemoryDirectory>();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton<PolicySimulator>();
        SignIn("Lee Jordan", Roles.SecurityLead);
    }

    [Fact]
    public void Simulate_TypedDomainAdminGroup_ShowsPrivilegedTierAndItsReason()
    {
        var page = Render<SimulatorPage>();

        InputByLabel(page, "Extra groups").Change("Domain Admins");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Risk tier: Privileged", page.Markup));
        Assert.Contains("member of Domain Admins", page.Markup);
        Assert.Contains("under policy version 1", page.Markup);
    }

    [Fact]
    public void Simulate_WithNothingTyped_IsStandardWithNoApproval()
    {
        var page = Render<SimulatorPage>();

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Risk tier: Standard", page.Markup));
        Assert.Contains("No approval", page.Markup);
    }

    [Fact]
    public void Simulate_AnUnreadableTime_SaysHowToWriteIt()
    {
        var page = Render<SimulatorPage>();

        InputByLabel(page, "Request time (UTC)").Change("tomorrow-ish");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Request time must look like", page.Markup));
        Assert.DoesNotContain("Risk tier:", page.Markup);
    }

    private static AngleSharp.Dom.IElement InputByLabel(IRenderedComponent<SimulatorPage> page, string label)
    {
        var labelElement = page.FindAll("label").First(l => l.TextContent.Trim() == label);
        return page.Find($"#{labelElement.GetAttribute("for")}");
    }
}
