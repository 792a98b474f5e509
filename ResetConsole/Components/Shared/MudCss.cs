using MudBlazor;

namespace ResetConsole.Components.Shared;

/// <summary>
/// MudBlazor's class names for plain elements. Screens that stay open for hours (the case page, the queues, the
/// dashboard, the shell) render their buttons, chips, alerts and links as plain elements with these classes instead of
/// MudBlazor components: every component is held by every open circuit, and a list row of MudBlazor components cost
/// about 20 KB per circuit (docs/performance.md, "Circuit footprint"). Forms that open on demand keep MudBlazor's inputs.
/// </summary>
public static class MudCss
{
    public static string Button(Variant variant = Variant.Filled, Color color = Color.Primary, Size size = Size.Medium)
    {
        var v = Name(variant);
        return $"mud-button-root mud-button mud-button-{v} mud-button-{v}-{Name(color)} mud-button-{v}-size-{Name(size)}";
    }

    public static string Chip(Color color, Variant variant = Variant.Filled) =>
        $"mud-chip mud-chip-{Name(variant)} mud-chip-size-small mud-chip-color-{Name(color)}";

    public static string Alert(Severity severity) => $"mud-alert mud-alert-text-{Name(severity)} mud-dense mud-elevation-0";

    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-hover";

    public const string Paper = "mud-paper mud-paper-outlined";

    public const string Row = "d-flex flex-row align-center flex-wrap gap-2";

    public static string Text(Typo typo) => $"mud-typography mud-typography-{Name(typo)}";

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
