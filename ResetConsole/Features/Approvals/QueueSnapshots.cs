using System.Collections.Concurrent;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// One read of a queue page serves every open screen showing it. A decision publishes one event; a thousand queue
/// screens then ask for the page "as of that event", and the first request runs the query while the others await the
/// same task. Each page is tagged with the hub sequence it was read after, so no screen gets a page older than the
/// event it is reacting to.
/// </summary>
public sealed class QueueSnapshots(ConsoleEventHub hub)
{
    private readonly ConcurrentDictionary<(ApprovalQueue Queue, string? TierId, int Page, int PageSize), Snapshot> _pages = new();

    public Task<QueuePage> GetAsync(ApprovalQueue queue, QueueQuery query, long atLeast, Func<Task<QueuePage>> read)
    {
        var key = (queue, query.TierId, query.Page, query.PageSize);
        while (true)
        {
            if (_pages.TryGetValue(key, out var cached) && cached.Sequence >= atLeast)
            {
                return cached.Page;
            }

            // Read the sequence before querying: anything published later forces a newer read.
            var fresh = new Snapshot(hub.Sequence, new Lazy<Task<QueuePage>>(read, LazyThreadSafetyMode.ExecutionAndPublication));
            var stored = cached is null ? _pages.GetOrAdd(key, fresh) : _pages.TryUpdate(key, fresh, cached) ? fresh : null;
            if (stored is not null && stored.Sequence >= atLeast)
            {
                return Forget(key, stored);
            }
        }
    }

    // A failed read must not be served to everyone after it.
    private async Task<QueuePage> Forget((ApprovalQueue, string?, int, int) key, Snapshot snapshot)
    {
        try
        {
            return await snapshot.Page;
        }
        catch
        {
            _pages.TryRemove(new KeyValuePair<(ApprovalQueue, string?, int, int), Snapshot>(key, snapshot));
            throw;
        }
    }

    private sealed record Snapshot(long Sequence, Lazy<Task<QueuePage>> Lazy)
    {
        public Task<QueuePage> Page => Lazy.Value;
    }
}
