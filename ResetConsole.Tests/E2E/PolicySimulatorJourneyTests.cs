using Microsoft.Playwright;
using ResetConsole.Tests.E2E.Pages;

namespace ResetConsole.Tests.E2E;

[Collection(ConsoleAppCollection.Name)]
public sealed class PolicySimulatorJourneyTests(ConsoleAppFixture app)
{
    [Fact]
    public async Task SecurityLead_SimulatesADomainAdminReset_SeesPrivilegedTierWithReasonsAndTwoApprovals()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/policy/simulator");
        var shell = await new SignInPage(page).SignInAsync("lee");
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Policy simulator");
        var simulator = new SimulatorPageObject(page);

        await simulator.PickAccountAsync("adm.raj", "adm.raj.patel");
        await simulator.SimulateAsync();

        await Assertions.Expect(simulator.TierChip).ToHaveTextAsync("Privileged");
        await Assertions.Expect(simulator.Result).ToContainTextAsync("Domain Admins");
        await Assertions.Expect(simulator.Result).ToContainTextAsync("2 approval(s) in the Security queue");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Verification script" })).ToContainTextAsync("identity-document");
        await page.Context.CloseAsync();
    }
}
