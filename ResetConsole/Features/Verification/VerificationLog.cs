using ResetConsole.Notifications;

namespace ResetConsole.Features.Verification;

internal static partial class VerificationLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Security event: case {CaseId} frozen ({Why})")]
    public static partial void Frozen(ILogger logger, Guid caseId, string why);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Delivery of {Kind} for case {CaseId} failed")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, NotificationKind kind, Guid? caseId);
}
