namespace ResetConsole.Features.Audit;

/// <summary>The <c>Audit:Siem</c> section: where every committed audit entry is sent as a security event.</summary>
public sealed class AuditSiemOptions
{
    public SiemSink Sink { get; set; } = SiemSink.File;

    /// <summary>Rolling CLEF file (a date is inserted before the extension). Default <c>security-events-.clef</c> under <c>Logging:Directory</c>.</summary>
    public string? Path { get; set; }

    /// <summary>For <see cref="SiemSink.Http"/>: receives POSTs of CLEF JSON lines.</summary>
    public Uri? Url { get; set; }

    /// <summary>For <see cref="SiemSink.Syslog"/>: the collector, RFC 5424 over UDP.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 514;
}
