namespace ResetConsole.Directory;

/// <summary>
/// Changes to accounts. Every call carries an idempotency key: a retry after a crash or a timeout must not apply the
/// change twice where the directory can tell. Failures throw <see cref="DirectoryOperationException"/>, marked
/// transient when a retry may succeed. Secrets passed in are never logged or stored by a connector.
/// </summary>
public interface IDirectoryWriter
{
    DirectoryCapabilities Capabilities { get; }

    Task SetTemporaryCredentialAsync(string subjectId, string secret, bool requireChangeAtNextSignIn, string idempotencyKey, CancellationToken ct = default);

    Task ResetMfaAsync(string subjectId, string idempotencyKey, CancellationToken ct = default);

    Task UnlockAsync(string subjectId, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Creates a temporary access pass and returns it, for delivery to the subject only.</summary>
    Task<string> IssueTemporaryAccessPassAsync(string subjectId, TimeSpan lifetime, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Revokes sessions and refresh tokens; returns true when the directory confirmed it.</summary>
    Task<bool> RevokeSessionsAsync(string subjectId, string idempotencyKey, CancellationToken ct = default);

    Task RotateSecretAsync(string subjectId, string newSecret, string idempotencyKey, CancellationToken ct = default);
}
