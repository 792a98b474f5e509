using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>The security dashboard: exception lists, the watch list and the live alert feed.</summary>
public sealed class SecurityDashboardPageObject(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/security");
        await new ConsoleShell(page).WaitUntilInteractiveAsync();
    }

    public ILocator Table(string name) => page.GetByRole(AriaRole.Table, new() { Name = name, Exact = true });

    public ILocator Row(string table, string subjectDisplayName) => Table(table).GetByRole(AriaRole.Row).Filter(new() { HasText = subjectDisplayName });

    public ILocator Alerts => page.GetByRole(AriaRole.List, new() { Name = "Security alerts" });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public async Task GrantAsync(string subjectDisplayName, string duration)
    {
        await Row("Exception requests", subjectDisplayName).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Grant ") }).ClickAsync();
        await Dialog.GetByLabel("Duration").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = duration, Exact = true }).ClickAsync();
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Grant", Exact = true }).ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }
}
