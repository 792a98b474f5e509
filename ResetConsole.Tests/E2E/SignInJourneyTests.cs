using Microsoft.Playwright;
using ResetConsole.Tests.E2E.Pages;

namespace ResetConsole.Tests.E2E;

[Collection(ConsoleAppCollection.Name)]
public sealed class SignInJourneyTests(ConsoleAppFixture app)
{
    private static readonly System.Text.RegularExpressions.Regex DarkTheme = new(@"\bconsole-dark\b");

    [Theory]
    [InlineData("dana", "Dana Whitfield", "Agent", new[] { "Home", "Cases", "Accounts", "Demo outbox" })]
    [InlineData("sam", "Sam Carter", "Supervisor", new[] { "Home", "Cases", "Supervisor queue", "Accounts", "Demo outbox" })]
    [InlineData("lee", "Lee Jordan", "SecurityLead", new[] { "Home", "Cases", "Supervisor queue", "Security queue", "Security dashboard", "Trends", "Audit trail", "Accounts", "Incidents", "Policy", "Simulator", "Controls", "Demo outbox" })]
    [InlineData("ari", "Ari Cohen", "Auditor", new[] { "Home", "Cases", "Supervisor queue", "Security queue", "Security dashboard", "Trends", "Audit trail", "Accounts", "Incidents", "Policy", "Simulator", "Controls", "Demo outbox" })]
    [InlineData("pat", "Pat Osei", "PolicyAdmin", new[] { "Home", "Incidents", "Policy", "Simulator", "Controls", "Demo outbox" })]
    public async Task StaffMember_SignsInThroughTheProvider_SeesOnlyTheirNavigationAndSignsOut(
        string username, string displayName, string role, string[] expectedNavigation)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        var shell = await new SignInPage(page).SignInAsync(username);

        await Assertions.Expect(shell.Heading).ToHaveTextAsync($"Welcome, {displayName}");
        await Assertions.Expect(page.GetByText(role, new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(expectedNavigation, await shell.NavigationItemsAsync());

        await shell.SignOutAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThemeToggle_ByKeyboard_SwitchesToDarkKeepsFocusAndIsRememberedAfterAReload()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var shell = await new SignInPage(page).SignInAsync("dana");
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Welcome, Dana Whitfield");
        var toDark = page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" });
        var toLight = page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" });
        await Assertions.Expect(toLight).ToBeHiddenAsync();

        await toDark.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(DarkTheme);
        await Assertions.Expect(toLight).ToBeFocusedAsync();
        await Assertions.Expect(toDark).ToBeHiddenAsync();

        await page.ReloadAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Welcome, Dana Whitfield");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(DarkTheme);
        await toLight.ClickAsync();
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(DarkTheme);
        await Assertions.Expect(toDark).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Agent_BrowsesAccounts_SeesMaskedContactsAndSearches()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/accounts");
        var shell = await new SignInPage(page).SignInAsync("dana");

        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Accounts");
        await page.GetByLabel("Search accounts").FillAsync("nora.quinn");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "nora.quinn" });
        await Assertions.Expect(row).ToContainTextAsync("Locked");
        await Assertions.Expect(row).ToContainTextAsync("•");
        Assert.DoesNotContain("nora.quinn@", await row.InnerTextAsync());

        await row.GetByRole(AriaRole.Link, new() { Name = "Nora Quinn", Exact = true }).ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Nora Quinn");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Active sessions" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
