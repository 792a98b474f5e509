using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>The agent's case page: step cards, progress and actions.</summary>
public sealed partial class CasePageObject(IPage page)
{
    public IPage Page => page;

    public ILocator Status => page.Locator(".case-status-chip").First;

    public ILocator TierChip => page.GetByLabel(new Regex("^Risk tier: ")).First;

    public ILocator Progress => page.Locator("[aria-live=polite]").Filter(new() { Has = page.Locator(".mud-alert") }).First;

    public ILocator Step(int number) => page.Locator("section.step-card").Nth(number - 1);

    public ILocator StepByTitle(string title) => page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex($": {Regex.Escape(title)}") });

    public async Task SendCodeAsync()
    {
        var step = StepByTitle("One-time code to a contact of record");
        await step.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await Assertions.Expect(step.GetByLabel("Code read back by the caller")).ToBeVisibleAsync();
        // The code shows as soon as the case's change is published; the send is done when the button is back.
        await Assertions.Expect(step.GetByRole(AriaRole.Button, new() { Name = "Send a new code" })).ToBeEnabledAsync();
    }

    public async Task EnterCodeAsync(string code)
    {
        var step = StepByTitle("One-time code to a contact of record");
        var field = step.GetByLabel("Code read back by the caller");
        await field.FillAsync(code);
        var element = await field.ElementHandleAsync();
        await step.GetByRole(AriaRole.Button, new() { Name = "Check code" }).ClickAsync();
        // The check is done when the server has cleared the field (or removed it: passed, or frozen). Typing the next
        // code before then would be wiped when this check finishes.
        await page.WaitForFunctionAsync("el => !el.isConnected || (!el.disabled && el.value === '')", element);
    }

    /// <summary>Out of business hours, or on a text channel, the policy adds a callback; a test run at any hour completes it.</summary>
    public async Task<int> CompleteCallbackIfPresentAsync()
    {
        var callback = StepByTitle("Callback to the number of record");
        if (await callback.CountAsync() == 0 || await callback.GetAttributeAsync("data-step-status") != "Pending")
        {
            return 0;
        }

        await callback.GetByRole(AriaRole.Button, new() { Name = "They confirmed" }).ClickAsync();
        await Assertions.Expect(callback).ToHaveAttributeAsync("data-step-status", "Passed");
        return 1;
    }

    /// <summary>Waits for the case page after intake; Blazor navigates in place, so there is no load event to wait for.</summary>
    public async Task<string> UrlCaseIdAsync()
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}$"));
        return page.Url[^36..];
    }
}
