using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResetConsole.Tests.E2E.Pages;

/// <summary>Drafting a policy change (from the active text) and the proposal page with its four-eyes decision.</summary>
public sealed class ProposalPageObject(IPage page)
{
    public ILocator Text => page.GetByLabel("Policy text (YAML)");

    public ILocator Status => page.GetByTestId("proposal-status");

    public ILocator ApproveButton => page.GetByRole(AriaRole.Button, new() { Name = "Approve and activate" });

    public ILocator Impact => page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Accounts under version") });

    public ILocator Diff => page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Changes against policy version") });

    public ILocator ImpactRow(string displayName) => Impact.GetByRole(AriaRole.Row).Filter(new() { HasText = displayName });

    /// <summary>Replaces one whole line of the text in the editor, as a person editing the YAML would.</summary>
    public async Task ReplaceLineAsync(string line, string replacement)
    {
        await Assertions.Expect(Text).ToHaveValueAsync(new Regex($"(^|\n){Regex.Escape(line)}\n"));
        var text = await Text.InputValueAsync();
        await Text.FillAsync(Support.PolicyEdits.ReplaceLine(text, line, replacement));
        await Text.BlurAsync();
    }

    public async Task PreviewAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and preview" }).ClickAsync();
        await Assertions.Expect(Diff).ToBeVisibleAsync();
    }

    public async Task ProposeAsync(string reason)
    {
        await page.GetByLabel("Why change the policy?").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose change" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/policy/proposals/[0-9a-f-]{36}$"));
    }

    public async Task ApproveAsync(string note)
    {
        await page.GetByLabel("Decision note").FillAsync(note);
        await ApproveButton.ClickAsync();
        await Assertions.Expect(Status).ToHaveAttributeAsync("data-status", "Activated");
    }
}
