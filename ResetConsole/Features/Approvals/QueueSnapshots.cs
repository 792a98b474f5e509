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

            // Read the sequence before querying: anything published later forces a newer read. The snapshot is
            // published before its read starts and only the caller that published it reads; the others await its
            // page without holding a thread (SQLite runs the query synchronously, so a lock around the read would
            // block every thread asking for the page until it ends).
            var fresh = new Snapshot(hub.Sequence);
            var stored = cached is null ? _pages.GetOrAdd(key, fresh) : _pages.TryUpdate(key, fresh, cached) ? fresh : null;
            if (ReferenceEquals(stored, fresh))
            {
                return ReadAsync(key, fresh, read, cached?.Page);
            }
        }
    }

    private async Task<QueuePage> ReadAsync((ApprovalQueue, string?, int, int) key, Snapshot snapshot, Func<Task<QueuePage>> read, Task<QueuePage>? previous)
    {
        try
        {
            var page = await ReadKeepingUnchangedItemsAsync(read, previous);
            snapshot.Complete(page);
            return page;
        }
        catch (Exception failure)
        {
            // A failed read must not be served to everyone after it.
            _pages.TryRemove(new KeyValuePair<(ApprovalQueue, string?, int, int), Snapshot>(key, snapshot));
            snapshot.Fail(failure);
            throw;
        }
    }

    /// <summary>
    /// An item that did not change since the previous read is handed out as the same instance, so what screens
    /// built from it (a row's prebuilt markup, see <see cref="QueueRow"/>) is reused and the render diff sends nothing
    /// for it.
    /// </summary>
    private static async Task<QueuePage> ReadKeepingUnchangedItemsAsync(Func<Task<QueuePage>> read, Task<QueuePage>? previous)
    {
        var page = await read();
        if (previous is not { IsCompletedSuccessfully: true })
        {
            return page;
        }

        var known = previous.Result.Items.ToDictionary(i => i.CaseId);
        return page with { Items = [.. page.Items.Select(i => known.TryGetValue(i.CaseId, out var same) && same == i ? same : i)] };
    }

    private sealed class Snapshot(long sequence)
    {
        private readonly TaskCompletionSource<QueuePage> _page = new();

        public long Sequence => sequence;

        public Task<QueuePage> Page => _page.Task;

        public void Complete(QueuePage page) => _page.SetResult(page);

        // Observed here: screens that were waiting for this page get the failure; nobody else asks for it again.
        public void Fail(Exception failure)
        {
            _page.SetException(failure);
            _ = _page.Task.Exception;
        }
    }
}
