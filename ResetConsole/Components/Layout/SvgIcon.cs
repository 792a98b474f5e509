using System.Net;
using Microsoft.AspNetCore.Components;

namespace ResetConsole.Components.Layout;

/// <summary>
/// A MudBlazor icon (its SVG body, e.g. <c>Icons.Material.Filled.Menu</c>) as one markup frame instead of a
/// <c>MudIcon</c> component: the shell and list rows render many icons, and each component would be held by every
/// circuit. Decorative only (<c>aria-hidden</c>); the control around it carries the accessible name.
/// </summary>
public static class SvgIcon
{
    public static MarkupString Render(string icon, string size = "medium", string? extraClass = null) => new(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{WebUtility.HtmlEncode(size)}{(extraClass is null ? "" : " " + WebUtility.HtmlEncode(extraClass))}\" " +
        $"focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}
