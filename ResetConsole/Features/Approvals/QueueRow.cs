using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using ResetConsole.Components.Shared;
using ResetConsole.Features.Cases;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// A queue row's read-only cells as one markup frame, built once per queue item and shared by every open screen that
/// shows it (the live queue snapshot is shared, so its items are too). With the Review button beside them a row costs
/// each circuit about a dozen render frames; as MudBlazor components it cost about 20 KB, and as a component of its
/// own about 4 KB (docs/performance.md, "Circuit footprint").
/// </summary>
public static class QueueRow
{
    private static readonly ConditionalWeakTable<QueueItem, Markup> Cache = new();

    public static readonly string ReviewButtonClass = MudCss.Button(MudBlazor.Variant.Outlined, MudBlazor.Color.Primary, MudBlazor.Size.Small);

    /// <summary>
    /// Every value is HTML-encoded. The countdown's "time left" is as of the first screen that showed this item; the
    /// browser re-ticks it within a second (wwwroot/js/countdown.js).
    /// </summary>
    public static MarkupString Cells(QueueItem item, DateTimeOffset now) => new(Cache.GetValue(item, i => Build(i, now)).Cells);

    /// <summary>
    /// The Review button's content: "Review" on screen, "Review RC-… for …" as its accessible name (the rest is
    /// visually hidden), one shared frame rather than an aria-label attribute on every row of every screen.
    /// </summary>
    public static MarkupString ReviewContent(QueueItem item, DateTimeOffset now) => new(Cache.GetValue(item, i => Build(i, now)).Review);

    private sealed record Markup(string Cells, string Review);

    private static Markup Build(QueueItem item, DateTimeOffset now) => new(BuildCells(item, now),
        $"<span class=\"mud-button-label\">Review<span class=\"visually-hidden\"> {HtmlEncoder.Default.Encode(item.Reference)} for {HtmlEncoder.Default.Encode(item.SubjectDisplayName)}</span></span>");

    private static string BuildCells(QueueItem item, DateTimeOffset now)
    {
        var e = HtmlEncoder.Default;
        var signals = item.Signals.Length > 0 ? $"<span class=\"d-block\">Signals: {e.Encode(item.Signals)}</span>" : "";
        var vendor = item.AgentVendor is { } v ? $" ({e.Encode(v)})" : "";
        return
            $"<td><a href=\"/cases/{item.CaseId}\" class=\"{MudCss.Link}\">{e.Encode(item.Reference)}</a></td>" +
            $"<td>{e.Encode(item.SubjectDisplayName)} <span class=\"d-block rule-id\">{e.Encode(item.SubjectUsername)}</span></td>" +
            $"<td>{RiskTierChip.Html(item.TierId, item.TierName, item.TierRank, item.TierIsNonHuman)} {e.Encode(item.Reasons)}{signals}</td>" +
            $"<td>{e.Encode(ActionLabels.Of(item.Action))}</td>" +
            $"<td>{e.Encode(item.AgentName)}{vendor}</td>" +
            $"<td>since {item.SubmittedAt:HH:mm}</td>" +
            $"<td>{CountdownChip.Html(item.DueAt, now, TimeSpan.FromMinutes(5), "Due")}{(item.Escalated ? " · escalated" : "")}</td>" +
            $"<td>{item.Approvals} of {item.Required}</td>";
    }
}
