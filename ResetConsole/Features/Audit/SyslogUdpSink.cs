using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ResetConsole.Features.Audit;

/// <summary>
/// RFC 5424 over UDP (RFC 5426): facility "log audit", the CLEF JSON as the message. Fire and forget, as syslog over
/// UDP is; use the file or HTTP sink where every event must arrive.
/// </summary>
internal sealed class SyslogUdpSink : ILogEventSink, IDisposable
{
    private const int LogAuditFacility = 13;

    private readonly UdpClient _udp = new();
    private readonly CompactJsonFormatter _formatter = new();
    private readonly string _host = Header(Environment.MachineName);
    private readonly int _processId = Environment.ProcessId;

    public SyslogUdpSink(string host, int port) => _udp.Connect(host, port);

    public void Emit(LogEvent logEvent)
    {
        var json = new StringWriter();
        _formatter.Format(logEvent, json);
        var datagram = Encoding.UTF8.GetBytes(Format(logEvent.Timestamp, logEvent.Level, _host, _processId, json.ToString().TrimEnd()));
        _udp.Send(datagram, datagram.Length);
    }

    public void Dispose() => _udp.Dispose();

    /// <summary><c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - MSG</c>, no structured data.</summary>
    internal static string Format(DateTimeOffset at, LogEventLevel level, string host, int processId, string message)
    {
        var severity = level switch
        {
            LogEventLevel.Fatal => 2,
            LogEventLevel.Error => 3,
            LogEventLevel.Warning => 4,
            LogEventLevel.Information => 6,
            _ => 7,
        };
        var timestamp = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return $"<{(LogAuditFacility * 8) + severity}>1 {timestamp} {host} ResetConsole {processId.ToString(CultureInfo.InvariantCulture)} audit - {message}";
    }

    // HOSTNAME is printable US-ASCII without spaces, at most 255 characters, or "-".
    private static string Header(string value)
    {
        var clean = new string(value.Where(c => c is > ' ' and < (char)127).Take(255).ToArray());
        return clean.Length == 0 ? "-" : clean;
    }
}
