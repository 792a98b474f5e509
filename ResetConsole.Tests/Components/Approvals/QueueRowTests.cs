using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;
using ResetConsole.Features.Approvals;
using ResetConsole.Policy;

namespace ResetConsole.Tests.Components.Approvals;

/// <summary>The queue row's read-only cells are prebuilt HTML shared between screens: every value must be encoded.</summary>
public sealed class QueueRowTests : ConsoleTestContext
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Cells_HostileDirectoryValues_AreTextNotMarkup()
    {
        var item = Item(name: "<img src=x onerror=alert(1)>", reasons: "Finance approver & \"executive\"", signals: "<script>x()</script>", vendor: "Acme<b>");

        var row = RenderRow(item);

        Assert.Empty(row.FindAll("img"));
        Assert.Empty(row.FindAll("script"));
        Assert.Empty(row.FindAll("b"));
        var cells = row.FindAll("td");
        Assert.Contains("<img src=x onerror=alert(1)>", cells[1].TextContent);
        Assert.Contains("Signals: <script>x()</script>", cells[2].TextContent);
        Assert.Contains("Finance approver & \"executive\"", cells[2].TextContent);
        Assert.Contains("Dana (Acme<b>)", cells[4].TextContent);
        var review = Render(b => b.AddContent(0, QueueRow.ReviewContent(item, _time.GetUtcNow())));
        Assert.Empty(review.FindAll("img"));
        Assert.Contains("for <img src=x onerror=alert(1)>", review.Find(".visually-hidden").TextContent);
    }

    [Fact]
    public void Cells_AnItem_ShowsEveryCell()
    {
        var item = Item();

        var row = RenderRow(item);

        var cells = row.FindAll("td");
        Assert.Equal(8, cells.Count);
        Assert.Equal($"/cases/{item.CaseId}", cells[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Risk tier: Elevated", cells[2].QuerySelector(".risk-tier-chip")!.GetAttribute("aria-label"));
        var countdown = cells[6].QuerySelector("[data-countdown]")!;
        Assert.Equal(item.DueAt.ToString("O"), countdown.GetAttribute("data-countdown"));
        Assert.Equal("timer", countdown.GetAttribute("role"));
        Assert.Contains("30m 00s left", countdown.TextContent);
        Assert.Equal("1 of 2", cells[7].TextContent);
        var review = Render(b => b.AddContent(0, QueueRow.ReviewContent(item, _time.GetUtcNow())));
        Assert.Equal($"Review {item.Reference} for Jo Example", review.Markup.Replace("<span class=\"mud-button-label\">", "")
            .Replace("<span class=\"visually-hidden\">", "").Replace("</span>", ""));
    }

    [Fact]
    public void Cells_TheSameItemOnManyScreens_IsBuiltOnce()
    {
        var item = Item();

        var first = QueueRow.Cells(item, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = QueueRow.Cells(item, _time.GetUtcNow());

        Assert.Same(first.Value, second.Value);
    }

    private IRenderedComponent<IComponent> RenderRow(QueueItem item) => (IRenderedComponent<IComponent>)(object)Render(builder =>
    {
        builder.OpenElement(0, "table");
        builder.OpenElement(1, "tbody");
        builder.OpenElement(2, "tr");
        builder.AddContent(3, QueueRow.Cells(item, _time.GetUtcNow()));
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    });

    private QueueItem Item(string name = "Jo Example", string reasons = "Finance approver", string signals = "", string? vendor = null) => new(
        Guid.CreateVersion7(), name, "jo.example", "elevated", "Elevated", 1, false, reasons, signals, RequestedAction.PasswordReset,
        "Dana", vendor, _time.GetUtcNow().AddMinutes(-5), _time.GetUtcNow().AddMinutes(30), false, 2, 1, 3);
}
