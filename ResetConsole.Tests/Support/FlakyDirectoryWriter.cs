using ResetConsole.Directory;

namespace ResetConsole.Tests.Support;

/// <summary>Wraps the real writer and fails the next calls on purpose, the way a directory under load does.</summary>
public sealed class FlakyDirectoryWriter(IDirectoryWriter inner) : IDirectoryWriter
{
    private int _failuresLeft;
    private bool _transient = true;

    public int Calls { get; private set; }

    public DirectoryCapabilities Capabilities => inner.Capabilities;

    public void FailNext(int times, bool transient = true)
    {
        _failuresLeft = times;
        _transient = transient;
    }

    public Task SetTemporaryCredentialAsync(string subjectId, string secret, bool requireChangeAtNextSignIn, string idempotencyKey, CancellationToken ct = default) =>
        Maybe(() => inner.SetTemporaryCredentialAsync(subjectId, secret, requireChangeAtNextSignIn, idempotencyKey, ct));

    public Task ResetMfaAsync(string subjectId, string idempotencyKey, CancellationToken ct = default) => Maybe(() => inner.ResetMfaAsync(subjectId, idempotencyKey, ct));

    public Task UnlockAsync(string subjectId, string idempotencyKey, CancellationToken ct = default) => Maybe(() => inner.UnlockAsync(subjectId, idempotencyKey, ct));

    public async Task<string> IssueTemporaryAccessPassAsync(string subjectId, TimeSpan lifetime, string idempotencyKey, CancellationToken ct = default)
    {
        await Maybe(() => Task.CompletedTask);
        return await inner.IssueTemporaryAccessPassAsync(subjectId, lifetime, idempotencyKey, ct);
    }

    public async Task<bool> RevokeSessionsAsync(string subjectId, string idempotencyKey, CancellationToken ct = default)
    {
        await Maybe(() => Task.CompletedTask);
        return await inner.RevokeSessionsAsync(subjectId, idempotencyKey, ct);
    }

    public Task RotateSecretAsync(string subjectId, string newSecret, string idempotencyKey, CancellationToken ct = default) =>
        Maybe(() => inner.RotateSecretAsync(subjectId, newSecret, idempotencyKey, ct));

    private Task Maybe(Func<Task> call)
    {
        Calls++;
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            throw new DirectoryOperationException("The directory is busy (simulated).", _transient);
        }

        return call();
    }
}
