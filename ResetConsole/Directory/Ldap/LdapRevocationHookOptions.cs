namespace ResetConsole.Directory.Ldap;

/// <summary>
/// The <c>Directory:Ldap:RevocationHook</c> section. LDAP has no sessions, so revoking them is handed to whatever
/// issues them (an SSO, a VPN, a mail system): either a command or a webhook, exactly one of the two.
/// </summary>
public sealed class LdapRevocationHookOptions
{
    /// <summary>
    /// An executable started without a shell. It gets <see cref="Arguments"/> then the subject's username as the last
    /// argument, and RESET_SUBJECT_ID and RESET_IDEMPOTENCY_KEY in its environment; exit code 0 means revoked.
    /// </summary>
    public string? Command { get; set; }

    public List<string>? Arguments { get; set; }

    /// <summary>Receives a POST of JSON <c>{ subjectId, username, idempotencyKey }</c>; any 2xx means revoked.</summary>
    public string? Url { get; set; }

    /// <summary>Sent as a bearer token to <see cref="Url"/>. From the environment or user-secrets, never appsettings.json.</summary>
    public string? BearerToken { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
