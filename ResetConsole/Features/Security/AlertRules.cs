using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Policy;

namespace ResetConsole.Features.Security;

/// <summary>
/// Which changes a security lead must hear about, decided from the audit record of the change and the case after
/// it. One place, so every write path (case writer, intake, execution, exceptions) raises the same alerts.
/// </summary>
public static class AlertRules
{
    public static IReadOnlyList<SecurityAlert> ForChange(AuditRecord record, RecoveryCase? recoveryCase, DateTimeOffset now)
    {
        if (record.Outcome == AuditRecord.Refused)
        {
            return [];
        }

        var method = record.Details?.GetValueOrDefault("method");
        return record.Action switch
        {
            "step.failed-attempt" => [Alert(AlertKind.VerificationFailed, AlertSeverity.Warning, $"Failed verification: {method ?? "a step"}", record, recoveryCase, now)],
            "case.frozen" when recoveryCase?.FrozenReason?.StartsWith("Suspected social engineering", StringComparison.Ordinal) == true =>
                [Alert(AlertKind.SuspectedSocialEngineering, AlertSeverity.High, "Agent reported suspected social engineering; the case is frozen and the account protected", record, recoveryCase, now)],
            "case.frozen" => [Alert(AlertKind.CaseFrozen, AlertSeverity.High, $"Case frozen: {recoveryCase?.FrozenReason ?? method ?? "a step failed"}", record, recoveryCase, now)],
            "case.reported-not-me" => [Alert(AlertKind.NotMeReport, AlertSeverity.High, "The account's owner reported they did not ask for this recovery", record, recoveryCase, now)],
            "case.needs-attention" => [Alert(AlertKind.NeedsAttention, AlertSeverity.Warning, "A reset's side effects failed; the case needs attention", record, recoveryCase, now)],
            "case.execution-started" when recoveryCase?.ApprovalQueue == ApprovalQueue.Security =>
                [Alert(AlertKind.PrivilegedReset, AlertSeverity.Notice, $"{recoveryCase.TierName} reset executed", record, recoveryCase, now)],
            "exception.granted" => [Alert(AlertKind.ExceptionGranted, AlertSeverity.Notice, $"Exception granted: {record.Details?.GetValueOrDefault("type")}", record, recoveryCase, now)],
            "exception.review-overdue" => [Alert(AlertKind.ReviewOverdue, AlertSeverity.Warning, $"Exception review overdue: {record.Details?.GetValueOrDefault("type")}", record, recoveryCase, now)],
            _ => [],
        };
    }

    /// <summary>Alerts for a new case from the step-up signals that fired on it, by what kind of anomaly each one is.</summary>
    public static IReadOnlyList<SecurityAlert> ForOpening(AuditRecord record, RecoveryCase recoveryCase, PolicyDefinition policy, DateTimeOffset now)
    {
        var alerts = new List<SecurityAlert>();
        foreach (var fired in recoveryCase.Signals)
        {
            var kind = policy.Signals.FirstOrDefault(s => s.Id == fired.RuleId)?.Trigger.Kind switch
            {
                SignalKind.ResetWithin => AlertKind.RepeatReset,
                SignalKind.FrozenWithin => AlertKind.RecentFreeze,
                SignalKind.AgentCasesPerHourAbove => AlertKind.AgentVelocity,
                SignalKind.OutsideBusinessHours => AlertKind.OutsideBusinessHours,
                _ => (AlertKind?)null,
            };
            if (kind is { } alertKind)
            {
                var severity = alertKind is AlertKind.OutsideBusinessHours ? AlertSeverity.Notice : AlertSeverity.Warning;
                alerts.Add(Alert(alertKind, severity, fired.Text, record, recoveryCase, now));
            }
        }

        return alerts;
    }

    private static SecurityAlert Alert(AlertKind kind, AlertSeverity severity, string summary, AuditRecord record, RecoveryCase? recoveryCase, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        At = now,
        Kind = kind,
        Severity = severity,
        CaseId = record.CaseId ?? recoveryCase?.Id,
        CaseReference = recoveryCase?.Reference,
        SubjectId = record.SubjectId ?? recoveryCase?.SubjectId,
        SubjectDisplayName = recoveryCase?.SubjectDisplayName,
        ActorId = record.Actor?.Id,
        ActorName = record.Actor?.Name,
        Summary = summary,
    };
}
