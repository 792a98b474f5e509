using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ResetConsole.Tests.E2E.Pages;

namespace ResetConsole.Tests.E2E;

/// <summary>axe-core over the main screens, as the people who use them see them: no serious or critical violation.</summary>
[Collection(ConsoleAppCollection.Name)]
public sealed class AccessibilityTests(ConsoleAppFixture app)
{
    [Theory]
    [InlineData("lee", "/")]
    [InlineData("dana", "/accounts")]
    [InlineData("dana", "/cases")]
    [InlineData("dana", "/cases/new")]
    [InlineData("sam", "/approvals/supervisor")]
    [InlineData("lee", "/approvals/security")]
    [InlineData("lee", "/security")]
    [InlineData("ari", "/security/trends")]
    [InlineData("lee", "/policy")]
    [InlineData("lee", "/policy/simulator")]
    [InlineData("lee", "/policy/controls")]
    [InlineData("lee", "/incidents")]
    [InlineData("pat", "/policy/proposals/new")]
    [InlineData("dana", "/demo/outbox")]
    public async Task Page_AsItsUserSeesIt_HasNoSeriousAccessibilityViolation(string username, string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);
        await new SignInPage(page).SignInAsync(username);

        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CasePage_WithItsStepCards_HasNoSeriousAccessibilityViolation()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await new SignInPage(page).SignInAsync("dana");
        var intake = new NewCasePageObject(page);
        await intake.StartFromAccountsAsync("tom.becker", "Tom Becker");
        await intake.OpenAndWaitAsync("INC-A11Y");
        await new CasePageObject(page).SendCodeAsync();
        // Contrast is checked on the colours buttons settle on, not halfway through MudBlazor's 250 ms colour transition
        // from disabled to enabled.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; }" });

        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignInForm_HasNoSeriousAccessibilityViolation()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();

        var results = await page.RunAxe();

        Assert.DoesNotContain(results.Violations, v => v.Impact is "serious" or "critical");
        await page.Context.CloseAsync();
    }
}
