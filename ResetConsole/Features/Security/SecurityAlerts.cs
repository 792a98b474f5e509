using ResetConsole.Data;
using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Features.Security;

/// <summary>
/// Stores the alerts a change raises in the change's own transaction, then, after commit, tells open dashboards and
/// writes each as a structured security event (category <c>ResetConsole.Security</c>) for a SIEM.
/// </summary>
public sealed class SecurityAlerts(ConsoleEventHub hub, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger("ResetConsole.Security");

    public IReadOnlyList<SecurityAlert> Stage(AppDbContext db, AuditRecord record, RecoveryCase? recoveryCase) =>
        Stage(db, AlertRules.ForChange(record, recoveryCase, time.GetUtcNow()));

    public IReadOnlyList<SecurityAlert> StageOpening(AppDbContext db, AuditRecord record, RecoveryCase recoveryCase, PolicyDefinition policy) =>
        Stage(db, AlertRules.ForOpening(record, recoveryCase, policy, time.GetUtcNow()));

    /// <summary>Call after the transaction committed.</summary>
    public void Announce(IReadOnlyList<SecurityAlert> alerts)
    {
        foreach (var alert in alerts)
        {
            SecurityLog.Alert(_log, alert.Kind, alert.Severity, alert.CaseId, alert.SubjectId, alert.ActorId, alert.Summary);
            hub.Publish(new ConsoleEvent(ConsoleTopic.AlertRaised, alert.CaseId, alert.SubjectId, alert.Id));
        }
    }

    private static IReadOnlyList<SecurityAlert> Stage(AppDbContext db, IReadOnlyList<SecurityAlert> alerts)
    {
        if (alerts.Count > 0)
        {
            db.SecurityAlerts.AddRange(alerts);
        }

        return alerts;
    }
}
