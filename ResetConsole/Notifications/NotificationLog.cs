namespace ResetConsole.Notifications;

internal static partial class NotificationLog
{
    // Recipient id and channel only: never the address, never the body.
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Sent {Kind} to {RecipientId} by {Channel} for case {CaseId}")]
    public static partial void Sent(ILogger logger, NotificationKind kind, string recipientId, string channel, Guid? caseId);

    // Not the exception either: a mail server's refusal can quote the address.
    [LoggerMessage(EventId = 5002, Message = "Delivery of {Kind} to {RecipientId} by {Channel} for case {CaseId}: succeeded {Succeeded}")]
    public static partial void Delivered(ILogger logger, LogLevel level, NotificationKind kind, string recipientId, string channel, Guid? caseId, bool succeeded);
}
