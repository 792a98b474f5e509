using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>The demo outbox: what a subject's phone or mailbox received.</summary>
public sealed partial class OutboxPageObject(IPage page)
{
    public async Task OpenAsync(string recipient)
    {
        await page.GotoAsync("/demo/outbox");
        await new ConsoleShell(page).WaitUntilInteractiveAsync();
        await page.GetByLabel("Filter by recipient").FillAsync(recipient);
    }

    public ILocator Message(string title) => page.GetByRole(AriaRole.Article).Filter(new() { HasText = title }).First;

    /// <summary>Reads the newest one-time code sent to a person, as the caller would read it to the agent.</summary>
    public async Task<string> ReadLatestCodeAsync(string recipient)
    {
        await OpenAsync(recipient);
        var message = Message("Your helpdesk verification code");
        await Assertions.Expect(message).ToBeVisibleAsync();
        return Code().Match(await message.InnerTextAsync()).Groups[1].Value;
    }

    [GeneratedRegex(@"code is (\d{6,8})")]
    private static partial Regex Code();
}
