using Bunit;
using ResetConsole.Auth;
using ResetConsole.Components.Layout;

namespace ResetConsole.Tests.Components.Layout;

public sealed class NavMenuTests : ConsoleTestContext
{
    [Theory]
    [InlineData(Roles.Agent, new[] { "Home", "Accounts" })]
    [InlineData(Roles.Supervisor, new[] { "Home", "Accounts" })]
    [InlineData(Roles.SecurityLead, new[] { "Home", "Accounts", "Policy", "Simulator", "Controls" })]
    [InlineData(Roles.Auditor, new[] { "Home", "Accounts", "Policy", "Simulator", "Controls" })]
    [InlineData(Roles.PolicyAdmin, new[] { "Home", "Policy", "Simulator", "Controls" })]
    public void Render_ForARole_ShowsOnlyWhatThatRoleMayOpen(string role, string[] expected)
    {
        SignIn("Someone", role);

        var menu = Render<NavMenu>();

        Assert.Equal(expected, menu.FindAll("a").Select(a => a.TextContent.Trim()).ToArray());
    }

    [Fact]
    public void Render_ForAPersonWithNoConsoleRole_ShowsNothing()
    {
        SignIn("Outsider");

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("a"));
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
}
