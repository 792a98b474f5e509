using Microsoft.Playwright;
using ResetConsole.Tests.E2E.Pages;

namespace ResetConsole.Tests.E2E;

/// <summary>Journeys 2 and 3: an agent and approvers in separate browsers, the queues and the case updating live.</summary>
[Collection(ConsoleAppCollection.Name)]
public sealed class ApprovalJourneyTests(ConsoleAppFixture app)
{
    [Fact]
    public async Task ElevatedReset_AppearsInTheOpenSupervisorQueue_AndTheApprovalReachesTheAgentLive()
    {
        var sam = await SignedInAsync("sam");
        var queue = new QueuePageObject(sam, "supervisor");
        await queue.OpenAsync();
        var dana = await SignedInAsync("dana");
        var casePage = await VerifiedElevatedCaseAsync(dana, "omar.haddad", "Omar Haddad", "INC-3001");

        await dana.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();

        await Assertions.Expect(queue.Row("Omar Haddad")).ToBeVisibleAsync(new() { Timeout = 3_000 });
        await queue.ApproveAsync("Omar Haddad", "checked the evidence");
        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "Approved", new() { Timeout = 3_000 });
        await Assertions.Expect(queue.Row("Omar Haddad")).ToHaveCountAsync(0);
        await dana.GetByRole(AriaRole.Button, new() { Name = "Execute reset" }).ClickAsync();
        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "Completed");
        await Assertions.Expect(dana.GetByRole(AriaRole.List, new() { Name = "Side effects" })).ToContainTextAsync("manager Elena Vasquez notified");
        await dana.Context.CloseAsync();
        await sam.Context.CloseAsync();
    }

    [Fact]
    public async Task PrivilegedReset_NeedsTwoSecurityLeads_AndNeitherTheAgentNorASupervisorNorAVendorCanStandIn()
    {
        var vik = await SignedInAsync("vik");
        var intakeByVendor = new NewCasePageObject(vik);
        await intakeByVendor.StartFromAccountsAsync("adm.raj.patel", "Raj Patel");
        await intakeByVendor.OpenAsync("INC-3100");
        await Assertions.Expect(vik.GetByRole(AriaRole.Alert)).ToContainTextAsync("vendor agents may not handle tier 'Privileged'");
        await vik.Context.CloseAsync();

        var dana = await SignedInAsync("dana");
        var intake = new NewCasePageObject(dana);
        await intake.StartFromAccountsAsync("adm.raj.patel", "Raj Patel");
        await intake.OpenAndWaitAsync("INC-3101");
        var casePage = new CasePageObject(dana);
        await Assertions.Expect(casePage.TierChip).ToHaveTextAsync("Privileged");
        var proof = casePage.StepByTitle("One of: identity document check, in-person badge check");
        await proof.GetByRole(AriaRole.Radio, new() { Name = "In-person badge check" }).CheckAsync();
        await proof.GetByLabel("Badge number checked").FillAsync("B-44120");
        await proof.GetByRole(AriaRole.Button, new() { Name = "Badge matches" }).ClickAsync();
        await casePage.CompleteCallbackIfPresentAsync();
        await dana.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "AwaitingApproval");

        var sam = await SignedInAsync("sam");
        await sam.GotoAsync("/approvals/security");
        await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await sam.Context.CloseAsync();

        foreach (var lead in new[] { "lee", "kim" })
        {
            var approver = await SignedInAsync(lead);
            var queue = new QueuePageObject(approver, "security");
            await queue.OpenAsync();
            await queue.ApproveAsync("Raj Patel");
            await approver.Context.CloseAsync();
        }

        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "CoolingDown");
        await Assertions.Expect(dana.GetByRole(AriaRole.List, new() { Name = "Approval decisions" })).ToContainTextAsync("Kim Nakamura");
        await Assertions.Expect(dana.GetByRole(AriaRole.Timer, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Cool-down ends") })).ToBeVisibleAsync();
        await Assertions.Expect(dana.GetByRole(AriaRole.Button, new() { Name = "Execute reset" })).ToHaveCountAsync(0);

        var lee = await SignedInAsync("lee");
        await lee.GotoAsync(dana.Url);
        await new ConsoleShell(lee).WaitUntilInteractiveAsync();
        await lee.GetByRole(AriaRole.Button, new() { Name = "End the cool-down now" }).ClickAsync();
        await lee.GetByLabel("Why end the cool-down early?").FillAsync("Outage bridge: the admin is on the call with both approvers");
        await lee.GetByRole(AriaRole.Button, new() { Name = "End cool-down" }).ClickAsync();
        await lee.Context.CloseAsync();

        await dana.GetByRole(AriaRole.Button, new() { Name = "Execute reset" }).ClickAsync();
        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "Completed");
        await Assertions.Expect(dana.GetByRole(AriaRole.List, new() { Name = "Side effects" })).ToContainTextAsync("revoked (confirmed by the directory)");
        await dana.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(string username)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await new SignInPage(page).SignInAsync(username);
        return page;
    }

    /// <summary>An elevated password reset verified by code and manager attestation, ready to submit.</summary>
    private async Task<CasePageObject> VerifiedElevatedCaseAsync(IPage dana, string username, string displayName, string ticket)
    {
        var intake = new NewCasePageObject(dana);
        await intake.StartFromAccountsAsync(username, displayName);
        await intake.OpenAndWaitAsync(ticket);
        var casePage = new CasePageObject(dana);
        await casePage.SendCodeAsync();
        var tab = await dana.Context.NewPageAsync();
        var code = await new OutboxPageObject(tab).ReadLatestCodeAsync(displayName);
        await tab.CloseAsync();
        await casePage.EnterCodeAsync(code);
        await casePage.CompleteCallbackIfPresentAsync();
        await CompleteRemainingByManagerAsync(dana, casePage, displayName);
        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "Verified");
        return casePage;
    }

    private async Task CompleteRemainingByManagerAsync(IPage dana, CasePageObject casePage, string displayName)
    {
        var step = casePage.StepByTitle("One of: push to an enrolled device, manager attestation");
        await step.GetByRole(AriaRole.Radio, new() { Name = "Manager attestation" }).CheckAsync();
        await step.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ask .* to attest$") }).ClickAsync();
        var manager = await app.NewPageAsync();
        await manager.GotoAsync("/demo/outbox");
        await new SignInPage(manager).SignInAsync("elena.vasquez");
        var outbox = new OutboxPageObject(manager);
        await outbox.OpenAsync("Elena Vasquez");
        await outbox.Message($"Please confirm a recovery request for {displayName}").GetByRole(AriaRole.Link).ClickAsync();
        await new ConsoleShell(manager).WaitUntilInteractiveAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "I confirm" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("passed");
        await manager.Context.CloseAsync();
        await Assertions.Expect(step).ToHaveAttributeAsync("data-step-status", "Passed");
    }
}
