namespace ResetConsole.Infrastructure.Events;

/// <summary>
/// One hub for the whole process: services publish after commit, every open screen (circuit) that cares subscribes.
/// Handlers run off the publisher's path, so a slow screen never slows a commit, and a failing one never breaks others.
/// </summary>
public sealed class ConsoleEventHub(ILogger<ConsoleEventHub> logger)
{
    private readonly Lock _lock = new();
    private Func<ConsoleEvent, Task>[] _handlers = [];
    private long _sequence;

    /// <summary>The sequence of the latest event published.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    public IDisposable Subscribe(Func<ConsoleEvent, Task> handler)
    {
        lock (_lock)
        {
            _handlers = [.. _handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Publish(ConsoleEvent consoleEvent)
    {
        consoleEvent = consoleEvent with { Sequence = Interlocked.Increment(ref _sequence) };
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            _ = DeliverAsync(handler, consoleEvent);
        }
    }

    public int SubscriberCount => Volatile.Read(ref _handlers).Length;

    private async Task DeliverAsync(Func<ConsoleEvent, Task> handler, ConsoleEvent consoleEvent)
    {
        try
        {
            await Task.Yield();
            await handler(consoleEvent);
        }
        catch (Exception ex)
        {
            EventLog.DeliveryFailed(logger, ex, consoleEvent.Topic);
        }
    }

    private void Unsubscribe(Func<ConsoleEvent, Task> handler)
    {
        lock (_lock)
        {
            _handlers = _handlers.Where(h => h != handler).ToArray();
        }
    }

    private sealed class Subscription(ConsoleEventHub hub, Func<ConsoleEvent, Task> handler) : IDisposable
    {
        public void Dispose() => hub.Unsubscribe(handler);
    }
}
