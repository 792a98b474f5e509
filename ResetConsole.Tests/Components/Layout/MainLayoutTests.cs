using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using ResetConsole.Auth;
using ResetConsole.Components.Layout;

namespace ResetConsole.Tests.Components.Layout;

/// <summary>The shell: plain markup, the theme switched in the browser, the drawer, and the theme's CSS built once.</summary>
public sealed class MainLayoutTests : ConsoleTestContext
{
    public MainLayoutTests()
    {
        SetRendererInfo(new RendererInfo("Server", true));
        JSInterop.SetupModule("./js/countdown.js");
    }

    [Fact]
    public void ThemeToggle_SwitchesTheThemeInTheBrowserAndSaysWhatItWillDoNext()
    {
        SignIn("Dana", Roles.Agent);
        JSInterop.Setup<bool>("consoleTheme.isDark").SetResult(false);
        var setDark = JSInterop.Setup<bool>("consoleTheme.set", true).SetResult(true);
        var layout = RenderLayout();

        layout.Find("button[aria-label='Switch to dark theme']").Click();

        layout.WaitForAssertion(() => layout.Find("button[aria-label='Switch to light theme']"));
        Assert.Single(setDark.Invocations);
    }

    [Fact]
    public void FirstRender_ADarkThemeChosenEarlierInThisBrowser_IsReflectedInTheToggle()
    {
        SignIn("Dana", Roles.Agent);
        JSInterop.Setup<bool>("consoleTheme.isDark").SetResult(true);

        var layout = RenderLayout();

        layout.WaitForAssertion(() => layout.Find("button[aria-label='Switch to light theme']"));
    }

    [Fact]
    public void ThemeScriptMissing_ThePageStaysLightAndUsable()
    {
        SignIn("Dana", Roles.Agent);
        JSInterop.Setup<bool>("consoleTheme.isDark").SetException(new JSException("consoleTheme is not defined"));
        JSInterop.Setup<bool>("consoleTheme.set", true).SetException(new JSException("consoleTheme is not defined"));
        var layout = RenderLayout();

        layout.Find("button[aria-label='Switch to dark theme']").Click();

        layout.WaitForAssertion(() => layout.Find("button[aria-label='Switch to dark theme']"));
        layout.Find("button[aria-label='Toggle navigation']").Click();
        Assert.Equal("false", layout.Find("button[aria-label='Toggle navigation']").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void BrowserLeavesDuringTheFirstRender_TheCircuitEndsWithoutAnUnhandledError()
    {
        SignIn("Dana", Roles.Agent);
        JSInterop.Setup<bool>("consoleTheme.isDark").SetException(new JSDisconnectedException("The circuit has disconnected."));

        var layout = RenderLayout();

        layout.Find("button[aria-label='Switch to dark theme']");
        Assert.False(Renderer.UnhandledException.IsCompleted, "a closed tab must not be logged as an unhandled circuit error");
    }

    [Fact]
    public void DrawerToggle_ClosesAndOpensTheNavigationAndReportsItsState()
    {
        SignIn("Dana", Roles.Agent);
        var layout = RenderLayout();
        var toggle = layout.Find("button[aria-label='Toggle navigation']");
        Assert.Equal("true", toggle.GetAttribute("aria-expanded"));
        Assert.Contains("mud-drawer--open", layout.Find("#console-drawer").ClassName);

        toggle.Click();

        Assert.Equal("false", layout.Find("button[aria-label='Toggle navigation']").GetAttribute("aria-expanded"));
        Assert.Contains("mud-drawer--closed", layout.Find("#console-drawer").ClassName);
    }

    [Fact]
    public void Render_SignedIn_ShowsThePersonTheirRolesAndSignOut()
    {
        SignIn("Dana", Roles.Agent);

        var layout = RenderLayout();

        Assert.Equal("Dana", layout.Find(".signed-in-name").TextContent);
        Assert.Equal("Roles: Agent", layout.Find("[aria-label^='Roles:']").GetAttribute("aria-label"));
        Assert.Equal("Sign out", layout.Find("form[action='account/logout'] button").TextContent.Trim());
        Assert.Equal("true", layout.Find("[data-interactive]").GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task ThemeStylesheet_BuildsLightAndDarkVariablesOnceFromTheConsoleTheme()
    {
        var stylesheet = new ThemeStylesheet(Services, NullLoggerFactory.Instance);

        var css = await stylesheet.GetAsync();

        Assert.Same(css, await stylesheet.GetAsync());
        Assert.Contains(":root{", css);
        Assert.Contains($":root.{ThemeStylesheet.DarkClass}{{", css);
        Assert.Contains("--mud-palette-primary: rgba(27,79,156,1);", css); // the console's light primary
        Assert.Contains("--mud-palette-primary: rgba(122,167,234,1);", css); // and its dark one
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>Page</h1>"))));
}
