namespace ResetConsole.Policy;

public enum RequestedAction
{
    PasswordReset,
    MfaReset,
    Unlock,
    TemporaryAccessPass,

    /// <summary>Non-human identities only; a password reset of one becomes this.</summary>
    SecretRotation,
}
