using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ResetConsole.Components.Layout;

/// <summary>
/// The console theme's CSS (MudBlazor's palette, typography and shape variables, light and dark), rendered once per
/// process and written into every page's head by <see cref="ThemeStyles"/>. A <see cref="MudThemeProvider"/> in the
/// interactive layout would hold the same 24 KB of CSS, its palette objects and its parameter state in every circuit;
/// here each circuit holds nothing and the dark theme is a class on the document (<c>wwwroot/js/shell.js</c>).
/// </summary>
public sealed class ThemeStylesheet(IServiceProvider services, ILoggerFactory loggers)
{
    /// <summary>The class on <c>&lt;html&gt;</c> that switches to the dark palette.</summary>
    public const string DarkClass = "console-dark";

    private readonly Lazy<Task<string>> _css = new(() => BuildAsync(services, loggers));

    public Task<string> GetAsync() => _css.Value;

    private static async Task<string> BuildAsync(IServiceProvider services, ILoggerFactory loggers)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var light = await RenderAsync(renderer, dark: false);
        var dark = ThemeBlock(await RenderAsync(renderer, dark: true));
        // The dark block repeats the theme's rules under a selector that only matches once the class is set.
        return light + "\n" + dark.Replace(":root", $":root.{DarkClass}", StringComparison.Ordinal);
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, bool dark) => renderer.Dispatcher.InvokeAsync(async () =>
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MudThemeProvider.Theme)] = ConsoleTheme.Theme,
            [nameof(MudThemeProvider.IsDarkMode)] = dark,
        });
        var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
        return output.ToHtmlString();
    });

    /// <summary>The <c>&lt;style class='mud-theme-provider'&gt;</c> element: the part that differs between light and dark.</summary>
    private static string ThemeBlock(string html)
    {
        var start = html.IndexOf("<style class='mud-theme-provider'>", StringComparison.Ordinal);
        var end = start < 0 ? -1 : html.IndexOf("</style>", start, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            throw new InvalidOperationException("MudThemeProvider no longer renders a 'mud-theme-provider' style element; the dark theme cannot be derived.");
        }

        return html[start..(end + "</style>".Length)];
    }
}
