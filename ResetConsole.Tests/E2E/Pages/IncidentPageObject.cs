using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>Marking a case as an incident from the case page, and the incident page itself.</summary>
public sealed class IncidentPageObject(IPage page)
{
    public ILocator Cases => page.GetByRole(AriaRole.Table, new() { Name = "Cases in this incident" });

    public ILocator Findings => page.GetByLabel("Findings", new() { Exact = true });

    /// <summary>On a case page: "Mark as incident", a new incident with a title and findings; lands on the incident page.</summary>
    public async Task MarkCaseAsync(string title, string findings)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as incident" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Incident title").FillAsync(title);
        await dialog.GetByLabel("Findings so far").FillAsync(findings);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Open incident" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/incidents/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
    }

    public async Task RecordFindingsAsync(string findings)
    {
        await Findings.FillAsync(findings);
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save findings" });
        await save.ClickAsync();
        // Saved: the stored findings now equal the editor's, so there is nothing left to save.
        await Assertions.Expect(save).ToBeDisabledAsync();
    }
}
