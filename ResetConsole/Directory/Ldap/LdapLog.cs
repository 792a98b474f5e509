namespace ResetConsole.Directory.Ldap;

// DNs and usernames are account identifiers; values (passwords, mail, phone) never reach a log line.
internal static partial class LdapLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "LDAP {Operation} applied to {SubjectId} (idempotency key {IdempotencyKey})")]
    public static partial void Applied(ILogger logger, string operation, string subjectId, string idempotencyKey);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "LDAP {Operation} failed with result {ResultCode}, transient {IsTransient}")]
    public static partial void Failed(ILogger logger, string operation, int? resultCode, bool isTransient);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "LDAP search stopped after {Limit} entries; the result was cut")]
    public static partial void SearchCut(ILogger logger, int limit);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "Session revocation hook ({HookKind}) succeeded for {SubjectId} (idempotency key {IdempotencyKey})")]
    public static partial void HookSucceeded(ILogger logger, string hookKind, string subjectId, string idempotencyKey);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Warning, Message = "Session revocation hook ({HookKind}) failed for {SubjectId} with {Outcome}")]
    public static partial void HookFailed(ILogger logger, string hookKind, string subjectId, string outcome);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Warning, Message = "Refused LDAP {Operation} on {SubjectId}: {Reason}")]
    public static partial void Refused(ILogger logger, string operation, string subjectId, string reason);
}
