using ResetConsole.Features.Audit;
using Serilog.Events;

namespace ResetConsole.Tests.Unit.Audit;

public sealed class SyslogUdpSinkTests
{
    [Theory]
    [InlineData(LogEventLevel.Information, 110)]
    [InlineData(LogEventLevel.Warning, 108)]
    public void Format_IsRfc5424WithTheLogAuditFacility(LogEventLevel level, int priority)
    {
        var line = SyslogUdpSink.Format(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(15), level, "console-1", 4242, "{\"Sequence\":1}");

        Assert.Equal($"<{priority}>1 2026-11-26T09:00:00.000001Z console-1 ResetConsole 4242 audit - {{\"Sequence\":1}}", line);
    }
}
