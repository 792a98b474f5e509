using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using ResetConsole.Domain.Alerts;

namespace ResetConsole.Features.Security;

/// <summary>
/// An alert's entry in the feed as one HTML-encoded markup frame, built once per alert and shared by every open
/// dashboard: an alert never changes once raised. Fifty entries as elements cost each circuit about 25 frames and
/// six strings apiece (docs/performance.md, "Circuit footprint"); as shared markup, one frame.
/// </summary>
public static class AlertMarkup
{
    // Far more than one feed shows; when full it starts over (the entries are rebuilt on the next read).
    private const int Capacity = 2048;

    private static readonly ConcurrentDictionary<Guid, string> Cache = new();

    private static readonly Dictionary<AlertSeverity, string> Classes =
        Enum.GetValues<AlertSeverity>().ToDictionary(s => s, s => $"alert-{s.ToString().ToLowerInvariant()}");

    /// <summary>The list item's class, one shared string per severity.</summary>
    public static string Class(AlertSeverity severity) => Classes[severity];

    public static MarkupString Content(AlertView alert)
    {
        if (!Cache.TryGetValue(alert.Id, out var html))
        {
            if (Cache.Count >= Capacity)
            {
                Cache.Clear();
            }

            html = Cache.GetOrAdd(alert.Id, Build(alert));
        }

        return new MarkupString(html);
    }

    public static string Label(AlertKind kind) => kind switch
    {
        AlertKind.VerificationFailed => "Failed verification",
        AlertKind.CaseFrozen => "Case frozen",
        AlertKind.SuspectedSocialEngineering => "Suspected social engineering",
        AlertKind.RepeatReset => "Repeat reset",
        AlertKind.RecentFreeze => "New case after a freeze",
        AlertKind.AgentVelocity => "Agent velocity",
        AlertKind.PrivilegedReset => "Privileged reset",
        AlertKind.NotMeReport => "\"This wasn't me\"",
        AlertKind.OutsideBusinessHours => "Outside business hours",
        AlertKind.NeedsAttention => "Needs attention",
        AlertKind.ExceptionGranted => "Exception granted",
        _ => "Review overdue",
    };

    private static string Build(AlertView a)
    {
        var e = HtmlEncoder.Default;
        var at = a.At.ToUniversalTime();
        var html = $"<span class=\"alert-kind\">{e.Encode(Label(a.Kind))}</span> · " +
            $"<time datetime=\"{at.ToString("O", CultureInfo.InvariantCulture)}\">{at.ToString("MMM d, HH:mm:ss", CultureInfo.InvariantCulture)} UTC</time><br />" +
            e.Encode(a.Summary);
        if (a.CaseId is { } caseId)
        {
            html += $"<br /><a href=\"/cases/{caseId}\">{e.Encode(a.CaseReference ?? "case")}</a><span> · {e.Encode(a.SubjectDisplayName ?? string.Empty)}</span>";
        }

        if (a.ActorName is { } actor)
        {
            html += $"<span> · by {e.Encode(actor)}</span>";
        }

        return html;
    }
}
