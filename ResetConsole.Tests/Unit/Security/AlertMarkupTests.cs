using ResetConsole.Domain.Alerts;
using ResetConsole.Features.Security;

namespace ResetConsole.Tests.Unit.Security;

/// <summary>The alert feed's entries: encoded, built once per alert and shared by every dashboard that shows it.</summary>
public sealed class AlertMarkupTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 21, 5, 9, TimeSpan.FromHours(2));

    [Fact]
    public void Content_EveryValueIsEncoded_AndTheTimeIsUtc()
    {
        var alert = new AlertView(Guid.NewGuid(), At, AlertKind.CaseFrozen, AlertSeverity.High, Guid.Parse("0d9f8f52-0000-4000-8000-000000000001"),
            "RC-<1>", "Sam <script>alert(1)</script>", "Dana & Co", "Frozen after \"three\" wrong codes");

        var html = AlertMarkup.Content(alert).Value;

        Assert.Equal(
            "<span class=\"alert-kind\">Case frozen</span> · <time datetime=\"2026-11-26T19:05:09.0000000+00:00\">Nov 26, 19:05:09 UTC</time><br />" +
            "Frozen after &quot;three&quot; wrong codes<br /><a href=\"/cases/0d9f8f52-0000-4000-8000-000000000001\">RC-&lt;1&gt;</a>" +
            "<span> · Sam &lt;script&gt;alert(1)&lt;/script&gt;</span><span> · by Dana &amp; Co</span>", html);
    }

    [Fact]
    public void Content_WithoutCaseOrActor_IsKindTimeAndSummaryOnly()
    {
        var alert = new AlertView(Guid.NewGuid(), At, AlertKind.AgentVelocity, AlertSeverity.Warning, null, null, null, null, "12 cases in an hour");

        var html = AlertMarkup.Content(alert).Value;

        Assert.EndsWith("UTC</time><br />12 cases in an hour", html);
        Assert.DoesNotContain("<a ", html);
    }

    [Fact]
    public void Content_TheSameAlertReadAgainByAnotherScreen_IsTheSameSharedString()
    {
        var id = Guid.NewGuid();
        var first = new AlertView(id, At, AlertKind.RepeatReset, AlertSeverity.Notice, null, null, null, null, "Second reset in a week");
        var second = first with { };

        Assert.Same(AlertMarkup.Content(first).Value, AlertMarkup.Content(second).Value);
    }

    [Theory]
    [InlineData(AlertSeverity.Notice, "alert-notice")]
    [InlineData(AlertSeverity.Warning, "alert-warning")]
    [InlineData(AlertSeverity.High, "alert-high")]
    public void Class_IsOneSharedStringPerSeverity(AlertSeverity severity, string expected)
    {
        Assert.Equal(expected, AlertMarkup.Class(severity));
        Assert.Same(AlertMarkup.Class(severity), AlertMarkup.Class(severity));
    }
}
