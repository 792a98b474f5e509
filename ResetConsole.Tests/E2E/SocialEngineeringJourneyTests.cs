using Microsoft.Playwright;
using ResetConsole.Tests.E2E.Pages;

namespace ResetConsole.Tests.E2E;

[Collection(ConsoleAppCollection.Name)]
public sealed class SocialEngineeringJourneyTests(ConsoleAppFixture app)
{
    [Fact]
    public async Task ThreeWrongCodes_FreezeTheCase_AndTheAccountRefusesANewCase()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await new SignInPage(page).SignInAsync("dana");
        var intake = new NewCasePageObject(page);
        await intake.StartFromAccountsAsync("jamie.lee", "Jamie Lee");
        await intake.OpenAndWaitAsync("INC-5005");
        var casePage = new CasePageObject(page);
        await casePage.SendCodeAsync();

        foreach (var guess in new[] { "111111", "222222", "333333" })
        {
            await casePage.EnterCodeAsync(guess);
        }

        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "Frozen");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Frozen" })).ToContainTextAsync("attempts exhausted");
        await Assertions.Expect(page.GetByText("Account protected until")).ToBeVisibleAsync();

        await intake.StartFromAccountsAsync("jamie.lee", "Jamie Lee");
        await intake.ChooseActionAsync("MFA reset");
        await intake.OpenAsync("INC-5006");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("protected from recovery");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SuspectedSocialEngineeringButton_FreezesTheCaseWithTheReason()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await new SignInPage(page).SignInAsync("dana");
        var intake = new NewCasePageObject(page);
        await intake.StartFromAccountsAsync("priya.shah", "Priya Shah");
        await intake.OpenAndWaitAsync("INC-5007");
        var casePage = new CasePageObject(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Suspected social engineering" }).ClickAsync();
        await page.GetByLabel("What makes you suspect social engineering?").FillAsync("Caller pressed for urgency and knew no colleagues");
        await page.GetByRole(AriaRole.Button, new() { Name = "Freeze case" }).ClickAsync();

        await Assertions.Expect(casePage.Status).ToHaveAttributeAsync("data-status", "Frozen");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Frozen" })).ToContainTextAsync("knew no colleagues");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send code" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
