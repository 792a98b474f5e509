namespace ResetConsole.Auth;

internal static partial class AuthLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Staff {StaffId} signed in with roles {Roles}")]
    public static partial void SignedIn(ILogger logger, string staffId, string roles);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Embedded sign-in refused for an unknown username or a wrong password")]
    public static partial void EmbeddedSignInRefused(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Staff {StaffId} signed out")]
    public static partial void SignedOut(ILogger logger, string staffId);
}
