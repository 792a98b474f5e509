using ResetConsole.Domain.Alerts;

namespace ResetConsole.Features.Security;

internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning,
        Message = "Security alert {AlertKind} ({AlertSeverity}) on case {CaseId}, account {SubjectId}, by {ActorId}: {AlertSummary}")]
    public static partial void Alert(ILogger logger, AlertKind alertKind, AlertSeverity alertSeverity, Guid? caseId, string? subjectId, string? actorId, string alertSummary);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "The exception sweep failed; it runs again on the next tick")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Exception {ExceptionId} on case {CaseId} ended: {Status}")]
    public static partial void ExceptionEnded(ILogger logger, Guid exceptionId, Guid caseId, string status);
}
