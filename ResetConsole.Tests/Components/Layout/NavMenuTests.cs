using Bunit;
using ResetConsole.Auth;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Components.Layout;
using ResetConsole.Infrastructure;

namespace ResetConsole.Tests.Components.Layout;

public sealed class NavMenuTests : ConsoleTestContext
{
    [Theory]
    [InlineData(Roles.Agent, new[] { "Home", "Cases", "Accounts", "Demo outbox" })]
    [InlineData(Roles.Supervisor, new[] { "Home", "Cases", "Supervisor queue", "Accounts", "Demo outbox" })]
    [InlineData(Roles.SecurityLead, new[] { "Home", "Cases", "Supervisor queue", "Security queue", "Security dashboard", "Trends", "Audit trail", "Accounts", "Incidents", "Policy", "Simulator", "Controls", "Demo outbox" })]
    [InlineData(Roles.Auditor, new[] { "Home", "Cases", "Supervisor queue", "Security queue", "Security dashboard", "Trends", "Audit trail", "Accounts", "Incidents", "Policy", "Simulator", "Controls", "Demo outbox" })]
    [InlineData(Roles.PolicyAdmin, new[] { "Home", "Incidents", "Policy", "Simulator", "Controls", "Demo outbox" })]
    public void Render_ForARole_ShowsOnlyWhatThatRoleMayOpen(string role, string[] expected)
    {
        SignIn("Someone", role);

        var menu = Render<NavMenu>();

        Assert.Equal(expected, menu.FindAll(".nav-title").Select(a => a.TextContent.Trim()).ToArray());
    }

    [Fact]
    public void Render_ForAPersonWithNoConsoleRole_ShowsOnlyTheDemoOutbox()
    {
        SignIn("Outsider");

        var menu = Render<NavMenu>();

        Assert.Equal(["Demo outbox"], menu.FindAll(".nav-title").Select(a => a.TextContent.Trim()).ToArray());
    }

    [Fact]
    public void Render_OutsideDemoMode_HidesTheDemoOutbox()
    {
        Services.AddSingleton(new DemoMode(false));
        SignIn("Dana", Roles.Agent);

        var menu = Render<NavMenu>();

        Assert.DoesNotContain("Demo outbox", menu.FindAll(".nav-title").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Render_EveryEntry_PointsAtAPageGuardedByTheSamePolicy()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Select(t => (Type: t, Route: t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false)
                .Cast<Microsoft.AspNetCore.Components.RouteAttribute>().FirstOrDefault()?.Template))
            .Where(p => p.Route is not null)
            .ToDictionary(p => p.Route!, p => p.Type);

        foreach (var item in ConsoleNavigation.Items)
        {
            var page = pages[item.Href];
            var policy = page.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), true)
                .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Single().Policy;
            Assert.Equal(item.Policy, policy);
        }
    }

    [Fact]
    public void Navigate_ToAPageUnderAnEntry_MarksThatEntryAsCurrent()
    {
        SignIn("Sam", Roles.Supervisor);
        var menu = Render<NavMenu>();
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        navigation.NavigateTo("/cases/0193a4f0-0000-7000-8000-000000000001?tab=steps");

        menu.WaitForAssertion(() => Assert.Equal("Cases", menu.Find("a[aria-current=page]").TextContent.Trim()));
        Assert.DoesNotContain("active", menu.FindAll("a").Single(a => a.GetAttribute("href") == "/").ClassName);
        navigation.NavigateTo("/");
        menu.WaitForAssertion(() => Assert.Equal("Home", menu.Find("a[aria-current=page]").TextContent.Trim()));
    }
}
