namespace ResetConsole.Notifications;

internal static partial class NotificationLog
{
    // Recipient id and channel only: never the address, never the body.
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Sent {Kind} to {RecipientId} by {Channel} for case {CaseId}")]
    public static partial void Sent(ILogger logger, NotificationKind kind, string recipientId, string channel, Guid? caseId);
}
