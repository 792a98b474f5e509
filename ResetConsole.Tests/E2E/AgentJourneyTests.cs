using System.Diagnostics;
using Microsoft.Playwright;
using ResetConsole.Tests.E2E.Pages;
using Xunit.Abstractions;

namespace ResetConsole.Tests.E2E;

[Collection(ConsoleAppCollection.Name)]
public sealed class AgentJourneyTests(ConsoleAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task StandardPasswordReset_ByPhone_IsReadyOnceTheCallerReadsBackTheCode_AndCompletesOnExecute()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await new SignInPage(page).SignInAsync("dana");
        var clock = Stopwatch.StartNew();

        var intake = new NewCasePageObject(page);
        await intake.StartFromAccountsAsync("alex.morgan", "Alex Morgan");
        await intake.OpenAndWaitAsync("INC-1001");
        var casePage = new CasePageObject(page);
        await Assertions.Expect(casePage.TierChip).ToHaveTextAsync("Standard");
        await casePage.SendCodeAsync();
        var code = await ReadCodeInAnotherTabAsync(page, "Alex Morgan");
        await casePage.EnterCodeAsync(code);
        var callbacks = await casePage.CompleteCallbackIfPresentAsync();

        await Assertions.Expect(page.GetByText("Verified and ready to execute")).ToBeVisibleAsync();
        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "Verified");
        clock.Stop();
        output.WriteLine($"New case to ready: {clock.Elapsed.TotalSeconds:F1} s, {4 + callbacks} clicks, {"alex.morgan".Length + "INC-1001".Length + code.Length} keystrokes");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Execute reset" }).ClickAsync();
        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "Completed");
        var effects = page.GetByRole(AriaRole.List, new() { Name = "Side effects" });
        await Assertions.Expect(effects).ToContainTextAsync("revoked (confirmed by the directory)");
        await Assertions.Expect(effects.Locator("[data-effect-status=Applied]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("password is");

        var outbox = new OutboxPageObject(page);
        await outbox.OpenAsync("Alex Morgan");
        await Assertions.Expect(outbox.Message("Your temporary password")).ToBeVisibleAsync();
        await Assertions.Expect(outbox.Message("A helpdesk change to your account")).ToBeVisibleAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(await outbox.Message("Your temporary password").InnerTextAsync(), @"password is (\S+?)\.").Groups[1].Value;
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, app.AllServerLogs());
        Assert.DoesNotMatch($@"\b{code}\b", app.AllServerLogs());
        await page.GotoAsync("/accounts?q=alex.morgan");
        await page.GetByLabel("Search accounts").FillAsync("alex.morgan");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "alex.morgan" }).Locator("td[data-label=Sessions]")).ToHaveTextAsync("0");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ElevatedMfaReset_PushApprovedOnTheDevice_UpdatesTheAgentsPageLiveAndGoesToApproval()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await new SignInPage(page).SignInAsync("dana");
        var intake = new NewCasePageObject(page);
        await intake.StartFromAccountsAsync("fiona.grant", "Fiona Grant");
        await intake.ChooseActionAsync("MFA reset");
        await intake.OpenAndWaitAsync("INC-2002");
        var casePage = new CasePageObject(page);
        await Assertions.Expect(casePage.TierChip).ToHaveTextAsync("Elevated");
        await casePage.SendCodeAsync();
        await casePage.EnterCodeAsync(await ReadCodeInAnotherTabAsync(page, "Fiona Grant"));
        await casePage.CompleteCallbackIfPresentAsync();

        var pushStep = casePage.StepByTitle("One of: push to an enrolled device, manager attestation");
        await pushStep.GetByRole(AriaRole.Button, new() { Name = "Send push" }).ClickAsync();
        await Assertions.Expect(pushStep.GetByRole(AriaRole.Status)).ToContainTextAsync("Waiting for the device owner");
        await ApproveOnTheDeviceAsync("fiona.grant");

        await Assertions.Expect(pushStep).ToHaveAttributeAsync("data-step-status", "Passed");
        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "Verified");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "AwaitingApproval");
        await page.Context.CloseAsync();
    }

    /// <summary>The subject's phone, in a browser of its own: the subject signs in and approves the push.</summary>
    private async Task ApproveOnTheDeviceAsync(string subjectUsername)
    {
        var device = await app.NewPageAsync();
        await device.GotoAsync("/demo/outbox");
        await new SignInPage(device).SignInAsync(subjectUsername);
        var outbox = new OutboxPageObject(device);
        await outbox.OpenAsync("Fiona Grant");
        await outbox.Message("Approve the helpdesk's verification?").GetByRole(AriaRole.Link).ClickAsync();
        await new ConsoleShell(device).WaitUntilInteractiveAsync();
        await device.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(device.GetByRole(AriaRole.Status)).ToContainTextAsync("passed");
        await device.Context.CloseAsync();
    }

    private static async Task<string> ReadCodeInAnotherTabAsync(IPage agentPage, string recipient)
    {
        var tab = await agentPage.Context.NewPageAsync();
        var code = await new OutboxPageObject(tab).ReadLatestCodeAsync(recipient);
        await tab.CloseAsync();
        return code;
    }
}
