using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>Case intake, reached from the Accounts page.</summary>
public sealed class NewCasePageObject(IPage page)
{
    /// <summary>From Accounts: search the account, then "New case" on its row.</summary>
    public async Task StartFromAccountsAsync(string username, string displayName)
    {
        await page.GotoAsync("/accounts");
        await new ConsoleShell(page).WaitUntilInteractiveAsync();
        await page.GetByLabel("Search accounts").FillAsync(username);
        await page.GetByRole(AriaRole.Link, new() { Name = $"New case for {displayName}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Account" })).ToHaveValueAsync($"{displayName} ({username})");
    }

    public async Task ChooseActionAsync(string action)
    {
        await page.GetByLabel("Requested action").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = action, Exact = true }).ClickAsync();
    }

    public async Task OpenAsync(string ticket)
    {
        await page.GetByLabel("Ticket reference").FillAsync(ticket);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
    }

    public async Task OpenAndWaitAsync(string ticket)
    {
        await OpenAsync(ticket);
        await new CasePageObject(page).UrlCaseIdAsync();
    }
}
