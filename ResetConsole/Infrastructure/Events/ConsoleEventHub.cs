namespace ResetConsole.Infrastructure.Events;

/// <summary>
/// One hub for the whole process: services publish after commit, every open screen (circuit) that cares subscribes.
/// Handlers run off the publisher's path, so a slow screen never slows a commit, and a failing one never breaks others.
/// </summary>
/// <remarks>
/// Subscriptions live in slots: subscribing takes a free slot (the array doubles when none is left) and disposing
/// empties its own slot, so both cost the same with 10 or 10,000 screens open. Copying the whole list on every change
/// made a reconnect storm (thousands of screens subscribing at once) quadratic in allocations
/// (docs/performance.md, "The reconnect storm"). A publish reads the slots as they are; a screen subscribing or
/// leaving during it may or may not hear that one event.
/// </remarks>
public sealed class ConsoleEventHub(ILogger<ConsoleEventHub> logger)
{
    private readonly Lock _lock = new();
    private readonly Stack<int> _free = new();
    private Subscription?[] _slots = new Subscription?[64];
    private int _used; // slots handed out at least once: [0, _used)
    private int _count;
    private long _sequence;

    /// <summary>The sequence of the latest event published.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    public int SubscriberCount => Volatile.Read(ref _count);

    public IDisposable Subscribe(Func<ConsoleEvent, Task> handler)
    {
        lock (_lock)
        {
            if (!_free.TryPop(out var index))
            {
                if (_used == _slots.Length)
                {
                    var grown = new Subscription?[_slots.Length * 2];
                    Array.Copy(_slots, grown, _slots.Length);
                    Volatile.Write(ref _slots, grown);
                }

                index = _used;
                Volatile.Write(ref _used, _used + 1);
            }

            var subscription = new Subscription(this, handler, index);
            Volatile.Write(ref _slots[index], subscription);
            _count++;
            return subscription;
        }
    }

    public void Publish(ConsoleEvent consoleEvent)
    {
        consoleEvent = consoleEvent with { Sequence = Interlocked.Increment(ref _sequence) };
        var slots = Volatile.Read(ref _slots);
        var used = Math.Min(Volatile.Read(ref _used), slots.Length);
        for (var i = 0; i < used; i++)
        {
            if (Volatile.Read(ref slots[i]) is { } subscription)
            {
                _ = DeliverAsync(subscription.Handler, consoleEvent);
            }
        }
    }

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

    private void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            // Only its own slot: a second Dispose must not empty a slot another screen has taken since.
            if (ReferenceEquals(_slots[subscription.Index], subscription))
            {
                Volatile.Write(ref _slots[subscription.Index], null);
                _free.Push(subscription.Index);
                _count--;
            }
        }
    }

    private sealed class Subscription(ConsoleEventHub hub, Func<ConsoleEvent, Task> handler, int index) : IDisposable
    {
        public Func<ConsoleEvent, Task> Handler { get; } = handler;

        public int Index { get; } = index;

        public void Dispose() => hub.Unsubscribe(this);
    }
}
