namespace ResetConsole.Features.Audit;

internal static partial class AuditMessages
{
    [LoggerMessage(EventId = 9701, Level = LogLevel.Warning, Message = "Created a demo audit key at {Path}; back it up with the database, or the chain cannot be verified")]
    public static partial void DemoKeyCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 9702, Level = LogLevel.Information, Message = "Audit checkpoint written at sequence {Sequence} to {Path}")]
    public static partial void CheckpointWritten(ILogger logger, long sequence, string path);

    [LoggerMessage(EventId = 9703, Level = LogLevel.Error, Message = "Security event: audit checkpoint refused, the chain is broken at sequence {Sequence} ({Kind}); run 'audit verify'")]
    public static partial void CheckpointRefused(ILogger logger, long? sequence, AuditBreak? kind);

    [LoggerMessage(EventId = 9704, Level = LogLevel.Warning, Message = "Audit checkpoint {Sequence} could not be posted to the webhook (status {Status})")]
    public static partial void WebhookFailed(ILogger logger, Exception? exception, long sequence, int? status);

    [LoggerMessage(EventId = 9705, Level = LogLevel.Error, Message = "The audit checkpoint run failed; it runs again at the next interval")]
    public static partial void CheckpointRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9706, Level = LogLevel.Warning, Message = "Security event: {Count} line(s) of the audit checkpoint file were not trusted")]
    public static partial void CheckpointLinesRejected(ILogger logger, int count);

    [LoggerMessage(EventId = 9707, Level = LogLevel.Error, Message = "Security event: audit entry {Sequence} could not be sent to the SIEM sink; it is safe in the audit table")]
    public static partial void SiemFailed(ILogger logger, Exception exception, long sequence);
}
