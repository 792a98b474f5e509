using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResetConsole.Tests.E2E.Pages;

namespace ResetConsole.Tests.E2E;

/// <summary>Journey 6: an auditor filters the trail by account, opens the case's evidence pack and verifies the chain.</summary>
[Collection(ConsoleAppCollection.Name)]
public sealed class AuditJourneyTests(ConsoleAppFixture app)
{
    [Fact]
    public async Task Auditor_FiltersByAccount_OpensTheEvidencePack_AndVerifiesTheChain()
    {
        var dana = await SignedInAsync("dana");
        var intake = new NewCasePageObject(dana);
        await intake.StartFromAccountsAsync("elena.vasquez", "Elena Vasquez");
        await intake.ChooseActionAsync("Unlock");
        await intake.OpenAndWaitAsync("INC-6001");
        var caseId = await new CasePageObject(dana).UrlCaseIdAsync();
        await dana.Context.CloseAsync();

        var ari = await SignedInAsync("ari");
        await ari.GotoAsync("/audit");
        await new ConsoleShell(ari).WaitUntilInteractiveAsync();
        await ari.GetByLabel("Account").FillAsync("elena.vasquez");
        await ari.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var opened = ari.GetByRole(AriaRole.Row).Filter(new() { HasText = "case.opened" });
        await Assertions.Expect(opened).ToHaveCountAsync(1);
        await Assertions.Expect(ari.GetByRole(AriaRole.Row).Filter(new() { HasText = "case." })).ToHaveCountAsync(1);

        await opened.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Evidence pack for RC-") }).ClickAsync();
        await Assertions.Expect(ari).ToHaveURLAsync(new Regex($"/cases/{caseId}/evidence$"));
        await Assertions.Expect(ari.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Evidence pack · RC-");
        await Assertions.Expect(ari.GetByRole(AriaRole.Status)).ToContainTextAsync("Intact: all 1 entries of this case verify");
        await Assertions.Expect(ari.GetByRole(AriaRole.Table, new() { Name = "Audit timeline" })).ToContainTextAsync("case.opened");
        await Assertions.Expect(ari.GetByRole(AriaRole.Link, new() { Name = "Download JSON" })).ToHaveAttributeAsync("href", $"/cases/{caseId}/evidence.json");

        await ari.GotoAsync("/audit");
        await new ConsoleShell(ari).WaitUntilInteractiveAsync();
        await ari.GetByRole(AriaRole.Button, new() { Name = "Verify the chain" }).ClickAsync();
        await Assertions.Expect(ari.GetByRole(AriaRole.Status).Filter(new() { HasText = "intact" })).ToContainTextAsync(new Regex(@"^\s*intact, \d+ entries"));
        await ari.Context.CloseAsync();
    }

    [Fact]
    public async Task Agent_CannotOpenTheAuditTrailOrDownloadIt()
    {
        var dana = await SignedInAsync("dana");

        await dana.GotoAsync("/audit");
        await Assertions.Expect(dana.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        var download = await dana.APIRequest.GetAsync("/audit/export?format=csv", new() { MaxRedirects = 0 });
        Assert.True(download.Status is 302 or 403, $"status {download.Status}");
        Assert.DoesNotContain("sequence,at,actor_id", await download.TextAsync());
        await dana.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(string username)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await new SignInPage(page).SignInAsync(username);
        return page;
    }
}
