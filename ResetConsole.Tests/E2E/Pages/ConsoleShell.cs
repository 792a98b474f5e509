using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>The app bar and navigation drawer around every console page.</summary>
public sealed class ConsoleShell(IPage page)
{
    public IPage Page => page;

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>
    /// Waits for the console's layout to mark itself interactive (the circuit has taken over from prerendering; typing
    /// before that is lost). Only the console's layout carries the mark, so this also waits out the sign-in's
    /// redirects. A locator re-queries each document until it matches; waiting for the URL instead (WaitForURLAsync)
    /// could miss a navigation that finished between its URL check and its listener, and time out on a page that
    /// had loaded (twice in clean-clone runs, both in a sign-in).
    /// </summary>
    public async Task WaitUntilInteractiveAsync()
    {
        await page.Locator("[data-interactive=true]").WaitForAsync();
        if (page.Url.Contains("/idp/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Still on the identity provider's page: {page.Url}");
        }
    }

    public async Task<IReadOnlyList<string>> NavigationItemsAsync()
    {
        var links = await Navigation.Locator(".nav-title").AllInnerTextsAsync();
        return links.Select(l => l.Trim()).ToList();
    }

    public async Task SignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signed-out");
    }
}
