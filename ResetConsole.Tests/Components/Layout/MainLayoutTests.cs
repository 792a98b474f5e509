using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging.Abstractions;
using ResetConsole.Auth;
using ResetConsole.Components.Layout;

namespace ResetConsole.Tests.Components.Layout;

/// <summary>The shell: plain markup, no JS calls as a circuit starts, the theme switched in the browser, the drawer, and the theme's CSS built once.</summary>
public sealed class MainLayoutTests : ConsoleTestContext
{
    public MainLayoutTests()
    {
        SetRendererInfo(new RendererInfo("Server", true));
    }

    [Fact]
    public void Render_MakesNoJsCallsAndOffersBothThemeChoicesForTheBrowserToPick()
    {
        SignIn("Dana", Roles.Agent);
        // Strict: any JS call the shell made as a circuit starts would fail the render.
        JSInterop.Mode = JSRuntimeMode.Strict;

        var layout = RenderLayout();

        Assert.Empty(JSInterop.Invocations);
        var dark = layout.Find("button[data-theme-choice='dark']");
        var light = layout.Find("button[data-theme-choice='light']");
        Assert.Equal("Switch to dark theme", dark.GetAttribute("aria-label"));
        Assert.Equal("Switch to light theme", light.GetAttribute("aria-label"));
        // app.css hides the one that does not apply; neither carries a server handler.
        Assert.Contains("theme-choice-dark", dark.ClassName);
        Assert.Contains("theme-choice-light", light.ClassName);
        Assert.Null(dark.GetAttribute("blazor:onclick"));
        Assert.Null(light.GetAttribute("blazor:onclick"));
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
