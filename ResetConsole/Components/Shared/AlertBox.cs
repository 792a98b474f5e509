using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using ResetConsole.Components.Layout;

namespace ResetConsole.Components.Shared;

/// <summary>
/// A MudBlazor-styled alert as a render fragment, not a component: see <see cref="MudCss"/>. <paramref name="urgent"/>
/// makes it <c>role="alert"</c> (read out at once); otherwise it is plain text inside whatever live region holds it.
/// </summary>
public static class AlertBox
{
    private static readonly Dictionary<Severity, MarkupString> IconBySeverity = new()
    {
        [Severity.Normal] = SvgIcon.Render(Icons.Material.Outlined.EventNote),
        [Severity.Info] = SvgIcon.Render(Icons.Material.Outlined.Info),
        [Severity.Success] = SvgIcon.Render(Icons.Material.Outlined.CheckCircle),
        [Severity.Warning] = SvgIcon.Render(Icons.Material.Outlined.ReportProblem),
        [Severity.Error] = SvgIcon.Render(Icons.Material.Filled.ErrorOutline),
    };

    public static MarkupString Icon(Severity severity) => IconBySeverity[severity];

    public static RenderFragment Render(Severity severity, RenderFragment content, bool urgent = false, string? extraClass = null) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", MudCss.Alert(severity, extraClass ?? ""));
        if (urgent)
        {
            builder.AddAttribute(2, "role", "alert");
        }

        builder.OpenElement(3, "div");
        builder.AddAttribute(4, "class", "mud-alert-position justify-start");
        builder.OpenElement(5, "div");
        builder.AddAttribute(6, "class", "mud-alert-icon mud-alert-icon-left");
        builder.AddContent(7, IconBySeverity[severity]);
        builder.CloseElement();
        builder.OpenElement(8, "div");
        builder.AddAttribute(9, "class", "mud-alert-message");
        builder.AddContent(10, content);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    public static RenderFragment Render(Severity severity, string text, bool urgent = false, string? extraClass = null) =>
        Render(severity, b => b.AddContent(0, text), urgent, extraClass);
}
