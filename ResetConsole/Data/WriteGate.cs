namespace ResetConsole.Data;

/// <summary>
/// SQLite has one writer. Writes queue here, in process, instead of spinning in busy-retry loops inside SQLite:
/// that turns multi-second stalls under contention into a short, fair wait. Reads do not take it (WAL).
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
