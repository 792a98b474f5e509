using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>The app bar and navigation drawer around every console page.</summary>
public sealed class ConsoleShell(IPage page)
{
    public IPage Page => page;

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public async Task WaitUntilInteractiveAsync()
    {
        await page.WaitForURLAsync(url => !url.Contains("/idp/", StringComparison.Ordinal));
        // The layout marks itself once the circuit has taken over from prerendering; typing before that is lost.
        await page.Locator("[data-interactive=true]").WaitForAsync();
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
