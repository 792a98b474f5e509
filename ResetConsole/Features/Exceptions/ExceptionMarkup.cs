using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ResetConsole.Components.Shared;
using ResetConsole.Domain.Exceptions;

namespace ResetConsole.Features.Exceptions;

/// <summary>
/// An exception's status chip and review state as markup for table rows (the case page's exception panel and the
/// security dashboard), one frame each rather than a component per cell; every value encoded (ADR-004).
/// </summary>
public static class ExceptionMarkup
{
    public static MarkupString Status(ExceptionStatus status) => new(
        $"<span class=\"{MudCss.Chip(Colour(status), Variant.Outlined)}\" aria-label=\"Exception {Label(status)}\"><span class=\"mud-chip-content\">{Label(status)}</span></span>");

    /// <summary>A granted exception's review: its outcome once recorded, otherwise the deadline counting down (red when overdue).</summary>
    public static MarkupString Review(ExceptionView exception, DateTimeOffset now) => new(
        exception.ReviewedAt is { } reviewedAt
            ? $"<span>{HtmlEncoder.Default.Encode($"{Outcome(exception.ReviewOutcome)} · {exception.ReviewedByName}, {reviewedAt:yyyy-MM-dd HH:mm} UTC")}</span>"
            : exception.ReviewDueAt is { } due
                ? CountdownChip.Html(due, now, TimeSpan.FromHours(4), "Review due")
                : "<span>none (not granted)</span>");

    public static string Outcome(ReviewOutcome? outcome) => outcome switch
    {
        ReviewOutcome.Appropriate => "appropriate",
        ReviewOutcome.Inappropriate => "inappropriate",
        ReviewOutcome.NeedsPolicyChange => "needs a policy change",
        _ => "not reviewed",
    };

    private static string Label(ExceptionStatus status) => status switch
    {
        ExceptionStatus.Requested => "requested",
        ExceptionStatus.Active => "active",
        ExceptionStatus.Denied => "denied",
        ExceptionStatus.Expired => "expired",
        ExceptionStatus.Revoked => "revoked",
        _ => "withdrawn",
    };

    private static Color Colour(ExceptionStatus status) => status switch
    {
        ExceptionStatus.Requested => Color.Info,
        ExceptionStatus.Active => Color.Warning,
        ExceptionStatus.Denied or ExceptionStatus.Revoked => Color.Error,
        _ => Color.Default,
    };
}
