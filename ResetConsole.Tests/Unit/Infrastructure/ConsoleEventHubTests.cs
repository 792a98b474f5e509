using Microsoft.Extensions.Logging.Abstractions;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Tests.Unit.Infrastructure;

/// <summary>
/// The hub's subscriptions: a publish reaches exactly the screens subscribed at that moment, a screen that left is
/// not called, slots are reused, and a second Dispose cannot end another screen's subscription. Deliveries are posted
/// to a synchronization context the test runs by hand, so no test waits on the clock.
/// </summary>
public sealed class ConsoleEventHubTests
{
    private readonly ConsoleEventHub _hub = new(NullLogger<ConsoleEventHub>.Instance);

    [Fact]
    public void Publish_ReachesEveryCurrentSubscriberOnce_AndNoneThatLeft()
    {
        var heard = new int[300];
        var subscriptions = Enumerable.Range(0, 300).Select(i => _hub.Subscribe(_ => { heard[i]++; return Task.CompletedTask; })).ToList();
        for (var i = 0; i < 300; i += 3)
        {
            subscriptions[i].Dispose();
        }

        PublishAndDeliver(new ConsoleEvent(ConsoleTopic.CaseChanged, Guid.NewGuid()));

        Assert.Equal(200, _hub.SubscriberCount);
        Assert.All(Enumerable.Range(0, 300), i => Assert.Equal(i % 3 == 0 ? 0 : 1, heard[i]));
    }

    [Fact]
    public void Dispose_CalledTwice_DoesNotEndTheSubscriptionThatTookItsPlace()
    {
        var first = _hub.Subscribe(_ => Task.CompletedTask);
        first.Dispose();
        var heard = 0;
        using var second = _hub.Subscribe(_ => { heard++; return Task.CompletedTask; });

        first.Dispose();
        PublishAndDeliver(new ConsoleEvent(ConsoleTopic.AlertRaised, null));

        Assert.Equal(1, _hub.SubscriberCount);
        Assert.Equal(1, heard);
    }

    [Fact]
    public void ThousandsOfScreens_ComeAndGo_TheSlotsAreReusedAndOnlyTheLastOnesHear()
    {
        var left = 0;
        var all = Enumerable.Range(0, 5_000).Select(_ => _hub.Subscribe(_ => { left++; return Task.CompletedTask; })).ToList();
        Assert.Equal(5_000, _hub.SubscriberCount);
        all.ForEach(s => s.Dispose());
        Assert.Equal(0, _hub.SubscriberCount);

        var heard = 0;
        var last = Enumerable.Range(0, 10).Select(_ => _hub.Subscribe(_ => { heard++; return Task.CompletedTask; })).ToList();
        PublishAndDeliver(new ConsoleEvent(ConsoleTopic.ExceptionChanged, Guid.NewGuid()));

        Assert.Equal(10, heard);
        Assert.Equal(0, left);
        last.ForEach(s => s.Dispose());
    }

    [Fact]
    public void Publish_NumbersEveryEvent_AndAFailingScreenDoesNotStopTheOthers()
    {
        var sequences = new List<long>();
        using var failing = _hub.Subscribe(_ => throw new InvalidOperationException("broken screen"));
        using var working = _hub.Subscribe(e => { sequences.Add(e.Sequence); return Task.CompletedTask; });

        PublishAndDeliver(new ConsoleEvent(ConsoleTopic.CaseChanged, Guid.NewGuid()));
        PublishAndDeliver(new ConsoleEvent(ConsoleTopic.CaseChanged, Guid.NewGuid()));

        Assert.Equal([1L, 2L], sequences);
        Assert.Equal(2, _hub.Sequence);
    }

    private void PublishAndDeliver(ConsoleEvent consoleEvent)
    {
        var context = new ManualContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            _hub.Publish(consoleEvent);
            context.RunAll();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>Queues what the hub posts (each delivery yields first) and runs it when told.</summary>
    private sealed class ManualContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();

        public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

        public void RunAll()
        {
            while (_queue.TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
    }
}
