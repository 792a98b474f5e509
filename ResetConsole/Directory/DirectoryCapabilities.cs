namespace ResetConsole.Directory;

/// <summary>What a connector can do to an account. Execution refuses an action whose capability is missing.</summary>
[Flags]
public enum DirectoryCapabilities
{
    None = 0,
    SetTemporaryCredential = 1,
    RequireChangeAtNextSignIn = 2,
    ResetMfa = 4,
    Unlock = 8,
    IssueTemporaryAccessPass = 16,
    RevokeSessions = 32,

    /// <summary>The connector can read back that revocation took (e.g. Graph's signInSessionsValidFromDateTime).</summary>
    ConfirmRevocation = 64,
    RotateSecret = 128,
    ListAuthenticators = 256,
    SendPush = 512,
}
