using Microsoft.Playwright;
using ResetConsole.Auth.Embedded;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>The embedded provider's sign-in form.</summary>
public sealed class SignInPage(IPage page)
{
    public async Task<ConsoleShell> SignInAsync(string username, string password = DemoStaff.Password)
    {
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var shell = new ConsoleShell(page);
        await shell.WaitUntilInteractiveAsync();
        return shell;
    }
}
