using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ResetConsole.Tests.E2E.Pages;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.E2E;

/// <summary>Journey 7: an incident review of a frozen case leads to a policy change that a second security lead approves.</summary>
[Collection(IncidentAppCollection.Name)]
public sealed class IncidentJourneyTests(ConsoleAppFixture app)
{
    private const string Title = "Contractor impersonation by phone";
    private const string Why = "Contractors' only proof is a code to a contact of record: move them to the elevated tier.";

    [Fact]
    public async Task FrozenCase_BecomesAnIncident_WhosePolicyChangeNeedsASecondSecurityLead_AndAppliesToNewCases()
    {
        var caseUrl = await FrozenContractorCaseAsync();

        var lee = await SignedInAsync("lee", caseUrl);
        var incident = new IncidentPageObject(lee);
        await incident.MarkCaseAsync(Title, "Caller claimed to be Jamie Lee, abroad, and pressed for speed.");
        await Assertions.Expect(incident.Cases).ToContainTextAsync("Jamie Lee");
        await Assertions.Expect(incident.Cases).ToContainTextAsync("Frozen");
        await incident.RecordFindingsAsync("The caller knew Jamie's manager and project. A contractor's recovery rests on one code to a contact of record.");
        var incidentUrl = lee.Url;
        await lee.Context.CloseAsync();

        var pat = await SignedInAsync("pat", incidentUrl);
        await Assertions.Expect(pat.GetByText("A contractor's recovery rests on one code")).ToBeVisibleAsync();
        await pat.GetByRole(AriaRole.Link, new() { Name = "Propose a policy change" }).ClickAsync();
        var draft = new ProposalPageObject(pat);
        await draft.ReplaceLineAsync(PolicyEdits.TierRulesLine, PolicyEdits.ContractorsRule.TrimEnd('\n'));
        await draft.PreviewAsync();
        await Assertions.Expect(pat.GetByRole(AriaRole.Region, new() { Name = "Checker" })).ToContainTextAsync(new Regex(@"Valid\. (\d+) of \1 policy test cases pass"));
        await Assertions.Expect(draft.Diff.Locator("tr[data-change=Added]")).ToHaveCountAsync(6);
        await Assertions.Expect(draft.ImpactRow("Jamie Lee")).ToContainTextAsync("Standard → Elevated");
        await draft.ProposeAsync(Why);

        // Four eyes: the proposer has no approve button (and the service refuses a policy admin anyway).
        await Assertions.Expect(draft.Status).ToHaveAttributeAsync("data-status", "Proposed");
        await Assertions.Expect(pat.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(Title)) })).ToBeVisibleAsync();
        await Assertions.Expect(draft.ApproveButton).ToHaveCountAsync(0);
        await Assertions.Expect(pat.GetByText("Waiting for a security lead other than Pat Osei")).ToBeVisibleAsync();
        var proposalUrl = pat.Url;

        var kim = await SignedInAsync("kim", proposalUrl);
        var proposal = new ProposalPageObject(kim);
        await Assertions.Expect(proposal.ImpactRow("Jamie Lee")).ToContainTextAsync("changed: tier, steps, approval");
        await proposal.ApproveAsync("Matches the incident findings.");
        await Assertions.Expect(proposal.Status).ToHaveTextAsync("Approved and active as version 2");
        await Assertions.Expect(pat.GetByTestId("proposal-status")).ToHaveTextAsync("Approved and active as version 2");
        await pat.Context.CloseAsync();

        await kim.GotoAsync("/policy");
        await new ConsoleShell(kim).WaitUntilInteractiveAsync();
        var latest = kim.GetByRole(AriaRole.Table, new() { Name = "Policy versions" }).GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(latest).ToContainTextAsync("2 (active)");
        await Assertions.Expect(latest).ToContainTextAsync("Pat Osei");
        await Assertions.Expect(latest).ToContainTextAsync("Kim Nakamura");
        await Assertions.Expect(latest).ToContainTextAsync(Why);
        await Assertions.Expect(latest.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(Title)) })).ToBeVisibleAsync();

        await kim.GotoAsync("/policy/simulator");
        await new ConsoleShell(kim).WaitUntilInteractiveAsync();
        var simulator = new SimulatorPageObject(kim);
        await simulator.PickAccountAsync("jamie.lee", "jamie.lee");
        await simulator.SimulateAsync();
        await Assertions.Expect(simulator.TierChip).ToHaveTextAsync("Elevated");
        await Assertions.Expect(simulator.Result).ToContainTextAsync("member of Contractors");
        await Assertions.Expect(kim.GetByText("under policy version 2")).ToBeVisibleAsync();
        await kim.Context.CloseAsync();
    }

    [Fact]
    public async Task IncidentProposalAndDraftPages_WithTheirDiffAndBeforeAfter_HaveNoSeriousAccessibilityViolation()
    {
        var caseUrl = await FrozenCaseAsync("nora.quinn", "Nora Quinn", "INC-7101");
        var lee = await SignedInAsync("lee", caseUrl);
        await new IncidentPageObject(lee).MarkCaseAsync("Locked account talked open", "Caller asked for an unlock and a reset in one call.");
        await lee.GetByRole(AriaRole.Link, new() { Name = "Propose a policy change" }).ClickAsync();
        var draft = new ProposalPageObject(lee);
        await draft.ReplaceLineAsync("verification-validity: 15m", "verification-validity: 10m");
        await draft.PreviewAsync();
        await AssertAccessibleAsync(lee);
        await draft.ProposeAsync("Shorter window between verification and action.");
        await lee.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Locked account talked open") }).ClickAsync();
        await Assertions.Expect(lee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Locked account talked open");
        await lee.GetByRole(AriaRole.Button, new() { Name = "Changes, checker and before/after" }).ClickAsync();
        await Assertions.Expect(lee.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Changes against policy version") })).ToBeVisibleAsync();
        await AssertAccessibleAsync(lee);
        var proposalUrl = await lee.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^PC-") }).GetAttributeAsync("href");
        await lee.Context.CloseAsync();

        var kim = await SignedInAsync("kim", proposalUrl!);
        await Assertions.Expect(new ProposalPageObject(kim).ApproveButton).ToBeVisibleAsync();
        await AssertAccessibleAsync(kim);
        await kim.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }

    private Task<string> FrozenContractorCaseAsync() => FrozenCaseAsync("jamie.lee", "Jamie Lee", "INC-7001");

    /// <summary>Journey 5's ending: Dana freezes a case as suspected social engineering.</summary>
    private async Task<string> FrozenCaseAsync(string username, string displayName, string ticket)
    {
        var dana = await SignedInAsync("dana", "/");
        var intake = new NewCasePageObject(dana);
        await intake.StartFromAccountsAsync(username, displayName);
        await intake.OpenAndWaitAsync(ticket);
        await dana.GetByRole(AriaRole.Button, new() { Name = "Suspected social engineering" }).ClickAsync();
        await dana.GetByLabel("What makes you suspect social engineering?").FillAsync("Caller pressed for speed and would not take a callback");
        await dana.GetByRole(AriaRole.Button, new() { Name = "Freeze case" }).ClickAsync();
        await Assertions.Expect(new CasePageObject(dana).Status).ToHaveAttributeAsync("data-status", "Frozen");
        var url = dana.Url;
        await dana.Context.CloseAsync();
        return url;
    }

    private async Task<IPage> SignedInAsync(string username, string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);
        await new SignInPage(page).SignInAsync(username);
        return page;
    }
}
