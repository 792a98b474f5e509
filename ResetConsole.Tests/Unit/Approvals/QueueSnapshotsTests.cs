using Microsoft.Extensions.Logging.Abstractions;
using ResetConsole.Features.Approvals;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Approvals;

public sealed class QueueSnapshotsTests
{
    private readonly ConsoleEventHub _hub = new(NullLogger<ConsoleEventHub>.Instance);
    private readonly QueueQuery _query = new();
    private int _reads;

    [Fact]
    public async Task GetAsync_ManyScreensReactingToOneEvent_ReadTheQueueOnce()
    {
        var snapshots = new QueueSnapshots(_hub);
        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        var gate = new TaskCompletionSource();

        var screens = Enumerable.Range(0, 1000).Select(_ => snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, _ => ReadAsync(gate.Task))).ToList();
        gate.SetResult();
        await Task.WhenAll(screens);

        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_WhileTheReadRunsSynchronously_AnotherScreenAwaitsWithoutBlockingItsThread()
    {
        // SQLite runs a query synchronously inside its async call: the screen that reads holds its thread until the
        // query ends, and a screen asking for the same page meanwhile must get a task at once, not wait on a lock.
        var snapshots = new QueueSnapshots(_hub);
        using var reading = new ManualResetEventSlim();
        using var finish = new ManualResetEventSlim();
        var page = new QueuePage([Item(approvals: 0)], 1);
        var first = OnAnotherThread(() => snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, _ =>
        {
            Interlocked.Increment(ref _reads);
            reading.Set();
            finish.Wait();
            return Task.FromResult(page);
        }));
        reading.Wait();

        var asking = OnAnotherThread(() => snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, _ => ReadAsync(Task.CompletedTask)));
        // Completes while the first read is still held (a guard against a hang, not a measured wait).
        var second = await asking.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(second.IsCompleted);
        finish.Set();
        Assert.Same(page, await second);
        Assert.Same(page, await await first);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_AfterANewerEvent_ReadsAgain()
    {
        var snapshots = new QueueSnapshots(_hub);
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, _ => ReadAsync(Task.CompletedTask));

        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, _ => ReadAsync(Task.CompletedTask));

        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GetAsync_AnOlderEventThanTheCachedRead_IsServedFromTheCache()
    {
        var snapshots = new QueueSnapshots(_hub);
        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        var older = _hub.Sequence;
        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, _ => ReadAsync(Task.CompletedTask));

        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, older, _ => ReadAsync(Task.CompletedTask));

        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_ANewerRead_IsGivenThePreviousPageOfTheSameQueue_AndTheFirstReadNone()
    {
        var snapshots = new QueueSnapshots(_hub);
        var given = new List<QueuePage?>();
        var first = new QueuePage([Item(approvals: 0)], 1);
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, previous => { given.Add(previous); return Task.FromResult(first); });

        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, previous => { given.Add(previous); return Task.FromResult(first); });
        await snapshots.GetAsync(ApprovalQueue.Security, _query, _hub.Sequence, previous => { given.Add(previous); return Task.FromResult(first); });

        Assert.Equal([null, first, null], given);
    }

    [Fact]
    public async Task GetAsync_WhileANewerReadIsStillRunning_TheNextReadIsGivenTheLastFinishedPage()
    {
        var snapshots = new QueueSnapshots(_hub);
        var finished = new QueuePage([Item(approvals: 0)], 1);
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, _ => Task.FromResult(finished));
        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        var running = new TaskCompletionSource<QueuePage>();
        var second = snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, _ => running.Task);

        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        QueuePage? given = null;
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, previous => { given = previous; return Task.FromResult(finished); });

        Assert.Same(finished, given);
        running.SetResult(finished);
        await second;
    }

    [Fact]
    public async Task GetAsync_AFailedRead_IsNotServedToTheNextScreen()
    {
        var snapshots = new QueueSnapshots(_hub);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            snapshots.GetAsync(ApprovalQueue.Supervisor, _query, 0, _ => throw new InvalidOperationException("database busy")));

        var page = await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, 0, _ => ReadAsync(Task.CompletedTask));

        Assert.Empty(page.Items);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_DifferentQueues_AreReadSeparately()
    {
        var snapshots = new QueueSnapshots(_hub);

        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, 0, _ => ReadAsync(Task.CompletedTask));
        await snapshots.GetAsync(ApprovalQueue.Security, _query, 0, _ => ReadAsync(Task.CompletedTask));

        Assert.Equal(2, _reads);
    }

    // The call itself on a thread-pool thread, its task not unwrapped: whether the call returned is what is asked.
    private static Task<Task<QueuePage>> OnAnotherThread(Func<Task<QueuePage>> call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);

    private async Task<QueuePage> ReadAsync(Task gate)
    {
        Interlocked.Increment(ref _reads);
        await gate;
        return new QueuePage([], 0);
    }

    private static QueueItem Item(int approvals) => new(
        Guid.CreateVersion7(), "Jo Example", "jo.example", "elevated", "Elevated", 1, false, "Finance approver", "", RequestedAction.PasswordReset,
        "Dana", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), false, 2, approvals, 1);
}
