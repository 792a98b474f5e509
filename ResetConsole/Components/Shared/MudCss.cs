using System.Collections.Concurrent;
using MudBlazor;

namespace ResetConsole.Components.Shared;

/// <summary>
/// MudBlazor's class names for plain elements. Screens that stay open for hours (the case page, the queues, the
/// dashboard, the shell) render their buttons, chips, alerts and links as plain elements with these classes instead of
/// MudBlazor components: every component is held by every open circuit, and a list row of MudBlazor components cost
/// about 20 KB per circuit (docs/performance.md, "Circuit footprint").
/// Forms that open on demand keep MudBlazor's inputs.
/// </summary>
/// <remarks>
/// Each class list is built once and shared: a render frame holds its attribute value for as long as the screen is
/// open, so a list built on every render is one more string per element on every open screen. <c>extra</c> takes the
/// element's own utility classes and must be a literal (it is part of the cache key).
/// </remarks>
public static class MudCss
{
    private static readonly ConcurrentDictionary<(char Kind, int A, int B, int C, string Extra), string> Classes = new();

    public static string Button(Variant variant = Variant.Filled, Color color = Color.Primary, Size size = Size.Medium, string extra = "") =>
        Classes.GetOrAdd(('b', (int)variant, (int)color, (int)size, extra), static k =>
        {
            var v = Name((Variant)k.A);
            return With($"mud-button-root mud-button mud-button-{v} mud-button-{v}-{Name((Color)k.B)} mud-button-{v}-size-{Name((Size)k.C)}", k.Extra);
        });

    public static string Chip(Color color, Variant variant = Variant.Filled, string extra = "") =>
        Classes.GetOrAdd(('c', (int)color, (int)variant, 0, extra), static k =>
            With($"mud-chip mud-chip-{Name((Variant)k.B)} mud-chip-size-small mud-chip-color-{Name((Color)k.A)}", k.Extra));

    public static string Alert(Severity severity, string extra = "") =>
        Classes.GetOrAdd(('a', (int)severity, 0, 0, extra), static k =>
            With($"mud-alert mud-alert-text-{Name((Severity)k.A)} mud-dense mud-elevation-0", k.Extra));

    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-hover";

    public const string Paper = "mud-paper mud-paper-outlined";

    public const string Row = "d-flex flex-row align-center flex-wrap gap-2";

    public static string Text(Typo typo, string extra = "") =>
        Classes.GetOrAdd(('t', (int)typo, 0, 0, extra), static k => With($"mud-typography mud-typography-{Name((Typo)k.A)}", k.Extra));

    private static string With(string classes, string extra) => extra.Length == 0 ? classes : $"{classes} {extra}";

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
