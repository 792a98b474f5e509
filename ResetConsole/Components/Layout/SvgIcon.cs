using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace ResetConsole.Components.Layout;

/// <summary>
/// A MudBlazor icon (its SVG body, e.g. <c>Icons.Material.Filled.Menu</c>) as one markup frame instead of a
/// <c>MudIcon</c> component: the shell and list rows render many icons, and each component would be held by every
/// circuit. Decorative only (<c>aria-hidden</c>); the control around it carries the accessible name.
/// </summary>
/// <remarks>
/// Each icon's markup is built once and shared by every screen that shows it (a kilobyte per icon, held by each open
/// screen's render frames otherwise). The arguments are MudBlazor's icon constants and literal sizes and classes.
/// </remarks>
public static class SvgIcon
{
    private static readonly ConcurrentDictionary<(string Icon, string Size, string? ExtraClass), MarkupString> Built = new();

    public static MarkupString Render(string icon, string size = "medium", string? extraClass = null) =>
        Built.GetOrAdd((icon, size, extraClass), static k => new(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{WebUtility.HtmlEncode(k.Size)}{(k.ExtraClass is null ? "" : " " + WebUtility.HtmlEncode(k.ExtraClass))}\" " +
            $"focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{k.Icon}</svg>"));
}
