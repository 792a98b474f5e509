using System.Collections.Concurrent;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// One read of a queue page serves every open screen showing it. A decision publishes one event; a thousand queue
/// screens then ask for the page "as of that event", and the first request runs the query while the others await the
/// same task. Each page is tagged with the hub sequence it was read after, so no screen gets a page older than the
/// event it is reacting to. A read is given the last page read for the same queue, filter and page, so that it can
/// keep the rows that did not change (see ApprovalService.ReadQueueAsync).
/// </summary>
public sealed class QueueSnapshots(ConsoleEventHub hub)
{
    private readonly ConcurrentDictionary<(ApprovalQueue Queue, string? TierId, int Page, int PageSize), Snapshot> _pages = new();

    public Task<QueuePage> GetAsync(ApprovalQueue queue, QueueQuery query, long atLeast, Func<QueuePage?, Task<QueuePage>> read)
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
            var fresh = new Snapshot(hub.Sequence, cached?.Latest);
            var stored = cached is null ? _pages.GetOrAdd(key, fresh) : _pages.TryUpdate(key, fresh, cached) ? fresh : null;
            if (ReferenceEquals(stored, fresh))
            {
                return ReadAsync(key, fresh, read);
            }
        }
    }

    private async Task<QueuePage> ReadAsync((ApprovalQueue, string?, int, int) key, Snapshot snapshot, Func<QueuePage?, Task<QueuePage>> read)
    {
        try
        {
            var page = await read(snapshot.Previous);
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

    /// <param name="previous">The latest page read for the same key when this snapshot was made (reads still running
    /// then are passed over: screens reading at once each start from the last page that was finished).</param>
    private sealed class Snapshot(long sequence, QueuePage? previous)
    {
        private readonly TaskCompletionSource<QueuePage> _page = new();

        public long Sequence => sequence;

        public QueuePage? Previous => previous;

        public Task<QueuePage> Page => _page.Task;

        /// <summary>This snapshot's page when it has been read, else the one its read started from.</summary>
        public QueuePage? Latest => _page.Task.IsCompletedSuccessfully ? _page.Task.Result : previous;

        public void Complete(QueuePage page) => _page.SetResult(page);

        // Observed here: screens that were waiting for this page get the failure; nobody else asks for it again.
        public void Fail(Exception failure)
        {
            _page.SetException(failure);
            _ = _page.Task.Exception;
        }
    }
}
