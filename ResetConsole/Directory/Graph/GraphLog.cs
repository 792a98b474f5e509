namespace ResetConsole.Directory.Graph;

internal static partial class GraphLog
{
    // Account ids and booleans only: never a password, a pass, a contact or Graph's own error text.
    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Graph password reset applied to {SubjectId} (asynchronous {WasAsync}, change required {ChangeRequired})")]
    public static partial void PasswordReset(ILogger logger, string subjectId, bool wasAsync, bool changeRequired);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Information, Message = "Graph MFA methods reset for {SubjectId} (any removed {AnyRemoved})")]
    public static partial void MfaReset(ILogger logger, string subjectId, bool anyRemoved);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Information, Message = "Graph temporary access pass issued for {SubjectId} (usable once {UsableOnce})")]
    public static partial void TemporaryAccessPassIssued(ILogger logger, string subjectId, bool usableOnce);

    [LoggerMessage(EventId = 9504, Level = LogLevel.Information, Message = "Graph sessions revoked for {SubjectId} (confirmed {Confirmed})")]
    public static partial void SessionsRevoked(ILogger logger, string subjectId, bool confirmed);

    [LoggerMessage(EventId = 9505, Level = LogLevel.Warning, Message = "Graph could not {Operation} for {SubjectId} (status {StatusCode}, transient {IsTransient})")]
    public static partial void Failed(ILogger logger, string operation, string subjectId, int statusCode, bool isTransient);
}
