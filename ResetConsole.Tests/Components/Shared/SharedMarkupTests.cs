using MudBlazor;
using ResetConsole.Components.Layout;
using ResetConsole.Components.Shared;

namespace ResetConsole.Tests.Components.Shared;

/// <summary>
/// Class lists, icons and labels that every open screen renders are built once and shared, so a thousand open screens
/// hold one copy (docs/performance.md, "Circuit footprint"). The text must be what MudBlazor's own components write.
/// </summary>
public sealed class SharedMarkupTests
{
    [Fact]
    public void MudCss_BuildsMudBlazorClassNames_WithTheElementsOwnClassesAfterThem()
    {
        Assert.Equal("mud-button-root mud-button mud-button-outlined mud-button-outlined-warning mud-button-outlined-size-small",
            MudCss.Button(Variant.Outlined, Color.Warning, Size.Small));
        Assert.Equal("mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-error case-status-chip",
            MudCss.Chip(Color.Error, Variant.Outlined, extra: "case-status-chip"));
        Assert.Equal("mud-alert mud-alert-text-error mud-dense mud-elevation-0 my-2", MudCss.Alert(Severity.Error, extra: "my-2"));
        Assert.Equal("mud-typography mud-typography-subtitle2", MudCss.Text(Typo.subtitle2));
        Assert.Equal("mud-typography mud-typography-h6 mt-4 mb-2", MudCss.Text(Typo.h6, extra: "mt-4 mb-2"));
    }

    [Fact]
    public void MudCss_ReturnsOneSharedInstancePerClassList()
    {
        Assert.Same(MudCss.Text(Typo.h6, extra: "mb-2"), MudCss.Text(Typo.h6, extra: "mb-2"));
        Assert.Same(MudCss.Button(Variant.Filled, Color.Error, Size.Medium), MudCss.Button(Variant.Filled, Color.Error, Size.Medium));
        Assert.NotEqual(MudCss.Text(Typo.h6), MudCss.Text(Typo.h6, extra: "mb-2"));
    }

    [Fact]
    public void SvgIcon_IsDecorativeMarkup_BuiltOncePerIconAndSize()
    {
        var icon = SvgIcon.Render(Icons.Material.Filled.Report, "medium");

        Assert.Same(icon.Value, SvgIcon.Render(Icons.Material.Filled.Report, "medium").Value);
        Assert.StartsWith("<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">", icon.Value);
        Assert.Contains(Icons.Material.Filled.Report, icon.Value);
        Assert.Contains("mud-icon-size-small nav-x", SvgIcon.Render(Icons.Material.Filled.Report, "small", "nav-x").Value);
    }

    [Fact]
    public void SharedText_ReturnsTheFirstInstanceOfEqualText()
    {
        var first = new string("Step 1: One-time code to a contact of record".AsSpan());
        var second = new string(first.AsSpan());

        Assert.NotSame(first, second);
        Assert.Same(SharedText.Of(first), SharedText.Of(second));
        Assert.Equal(first, SharedText.Of(second));
    }

    [Fact]
    public void SharedText_StopsSharingAtItsCapacity()
    {
        var pool = new SharedText(capacity: 2);
        pool.Share("a");
        pool.Share("b");
        var late = new string('c', 3);

        Assert.Same(late, pool.Share(late));
        Assert.NotSame(pool.Share(new string('c', 3)), late);
        Assert.Same(pool.Share("a"), pool.Share(new string('a', 1)));
    }
}
