using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace ResetConsole.Tests.Unit.Auth;

public sealed class PageAuthorizationTests
{
    private static readonly string[] AnonymousPages = ["/signed-out", "/not-found", "/error"];

    [Fact]
    public void EveryRoutablePage_DeclaresWhoMayOpenIt()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsDefined(typeof(RouteAttribute), false)).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(
            page.IsDefined(typeof(AuthorizeAttribute), true) || page.IsDefined(typeof(AllowAnonymousAttribute), true),
            $"{page.Name} has neither [Authorize] nor [AllowAnonymous]."));
    }

    [Fact]
    public void OnlyTheShellsPublicPages_AllowAnonymous()
    {
        var anonymous = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(RouteAttribute), false) && t.IsDefined(typeof(AllowAnonymousAttribute), true))
            .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>().Select(r => r.Template))
            .Order()
            .ToArray();

        Assert.Equal(AnonymousPages.Order().ToArray(), anonymous);
    }

    [Fact]
    public void EveryPageExceptNotAllowed_NamesAPolicy()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(RouteAttribute), false) && t.IsDefined(typeof(AuthorizeAttribute), true) && t.Name != "NotAllowedPage");

        Assert.All(pages, page => Assert.False(
            string.IsNullOrEmpty(page.GetCustomAttributes(typeof(AuthorizeAttribute), true).Cast<AuthorizeAttribute>().Single().Policy),
            $"{page.Name} is open to anyone signed in; name a policy from Auth/Policies.cs."));
    }
}
