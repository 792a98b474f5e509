using System.Text.Json;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Sends every committed audit entry to the SIEM as a structured security event, through a Serilog logger of its
/// own so the events reach only their sink (<c>Audit:Siem</c>), never the operator log. The event carries what the
/// entry carries (ids, names, roles, action, outcome, details, hash); entries hold no secrets or contacts.
/// </summary>
public sealed class AuditSiem : IDisposable
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse("Audit {Sequence}: {Action} {Outcome} by {ActorId}");

    private readonly Lazy<Logger> _logger;
    private readonly ILogger<AuditSiem> _operatorLog;

    public AuditSiem(IOptions<AuditOptions> options, AuditFiles files, ILogger<AuditSiem> operatorLog)
    {
        _logger = new Lazy<Logger>(() => Create(options.Value.Siem, files));
        _operatorLog = operatorLog;
    }

    /// <summary>Called after the commit: it must never throw into the service whose change is already saved.</summary>
    public void Emit(AuditEntry entry)
    {
        try
        {
            var level = entry.Outcome == AuditRecord.Succeeded ? LogEventLevel.Information : LogEventLevel.Warning;
            _logger.Value.Write(new LogEvent(entry.At, level, null, Template, Properties(entry)));
        }
        catch (Exception ex)
        {
            AuditMessages.SiemFailed(_operatorLog, ex, entry.Sequence);
        }
    }

    public void Dispose()
    {
        if (_logger.IsValueCreated)
        {
            _logger.Value.Dispose();
        }
    }

    private static List<LogEventProperty> Properties(AuditEntry entry) =>
    [
        new("EventType", new ScalarValue("audit")),
        new("Sequence", new ScalarValue(entry.Sequence)),
        new("Action", new ScalarValue(entry.Action)),
        new("Outcome", new ScalarValue(entry.Outcome)),
        new("ActorIssuer", new ScalarValue(entry.ActorIssuer)),
        new("ActorId", new ScalarValue(entry.ActorId)),
        new("ActorName", new ScalarValue(entry.ActorName)),
        new("ActorRoles", new SequenceValue((entry.ActorRoles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new ScalarValue(r)))),
        new("ActorIsVendor", new ScalarValue(entry.ActorIsVendor)),
        new("CaseId", new ScalarValue(entry.CaseId)),
        new("SubjectId", new ScalarValue(entry.SubjectId)),
        new("Details", Details(entry.DetailsJson)),
        new("Hash", new ScalarValue(entry.Hash)),
    ];

    private static LogEventPropertyValue Details(string json)
    {
        try
        {
            var details = JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
            return new StructureValue(details.Select(d => new LogEventProperty(d.Key, new ScalarValue(d.Value))));
        }
        catch (JsonException)
        {
            return new ScalarValue(json);
        }
    }

    private static Logger Create(AuditSiemOptions siem, AuditFiles files)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Verbose();
        return (siem.Sink switch
        {
            SiemSink.Http => configuration.WriteTo.Sink(new SiemHttpSink(siem.Url!), new Serilog.Configuration.BatchingOptions
            {
                BatchSizeLimit = 100,
                BufferingTimeLimit = TimeSpan.FromSeconds(2),
                QueueLimit = 100_000,
            }),
            SiemSink.Syslog => configuration.WriteTo.Sink(new SyslogUdpSink(siem.Host!, siem.Port)),
            _ => configuration.WriteTo.File(new CompactJsonFormatter(), files.SiemPath, rollingInterval: RollingInterval.Day, retainedFileCountLimit: null),
        }).CreateLogger();
    }
}
