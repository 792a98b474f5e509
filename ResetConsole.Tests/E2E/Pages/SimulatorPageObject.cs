using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>The policy simulator.</summary>
public sealed class SimulatorPageObject(IPage page)
{
    public ILocator Result => page.Locator(".policy-decision");

    public ILocator TierChip => page.GetByLabel(new System.Text.RegularExpressions.Regex("^Risk tier: "));

    public async Task PickAccountAsync(string search, string optionText)
    {
        var account = page.GetByRole(AriaRole.Combobox, new() { Name = "Account" });
        await account.PressSequentiallyAsync(search);
        // Wait until the list shows only matches for the whole search, then choose with the keyboard as an agent would.
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToContainTextAsync(optionText);
        await account.PressAsync("Enter");
        await Assertions.Expect(account).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(optionText)));
    }

    public Task SimulateAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Simulate" }).ClickAsync();
}
