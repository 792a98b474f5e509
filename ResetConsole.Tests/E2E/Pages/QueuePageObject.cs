using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>A live approval queue and its decision dialog.</summary>
public sealed class QueuePageObject(IPage page, string queue)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync($"/approvals/{queue}");
        await new ConsoleShell(page).WaitUntilInteractiveAsync();
    }

    public ILocator Row(string subjectDisplayName) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = subjectDisplayName });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public async Task ReviewAsync(string subjectDisplayName) =>
        await Row(subjectDisplayName).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Review ") }).ClickAsync();

    public async Task ApproveAsync(string subjectDisplayName, string? note = null)
    {
        await ReviewAsync(subjectDisplayName);
        await Assertions.Expect(Dialog.GetByRole(AriaRole.List, new() { Name = "Verification evidence" })).ToBeVisibleAsync();
        if (note is not null)
        {
            await Dialog.GetByLabel("Reason (required to reject) or note").FillAsync(note);
        }

        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }
}
