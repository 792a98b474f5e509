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

        var screens = Enumerable.Range(0, 1000).Select(_ => snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, () => ReadAsync(gate.Task))).ToList();
        gate.SetResult();
        await Task.WhenAll(screens);

        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_AfterANewerEvent_ReadsAgain()
    {
        var snapshots = new QueueSnapshots(_hub);
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, () => ReadAsync(Task.CompletedTask));

        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, () => ReadAsync(Task.CompletedTask));

        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GetAsync_AnOlderEventThanTheCachedRead_IsServedFromTheCache()
    {
        var snapshots = new QueueSnapshots(_hub);
        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        var older = _hub.Sequence;
        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, () => ReadAsync(Task.CompletedTask));

        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, older, () => ReadAsync(Task.CompletedTask));

        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_ANewerRead_HandsOutUnchangedItemsAsTheSameInstancesAndChangedOnesAsNew()
    {
        var snapshots = new QueueSnapshots(_hub);
        var kept = Item(approvals: 0);
        var changing = Item(approvals: 0);
        var first = await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence, () => Task.FromResult(new QueuePage([kept, changing], 2)));

        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        var joined = Item(approvals: 0);
        var second = await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, _hub.Sequence,
            () => Task.FromResult(new QueuePage([kept with { }, changing with { Approvals = 1 }, joined], 3)));

        Assert.Same(first.Items[0], second.Items[0]);
        Assert.NotSame(first.Items[1], second.Items[1]);
        Assert.Equal(1, second.Items[1].Approvals);
        Assert.Same(joined, second.Items[2]);
        Assert.Equal(3, second.TotalCount);
    }

    [Fact]
    public async Task GetAsync_AFailedRead_IsNotServedToTheNextScreen()
    {
        var snapshots = new QueueSnapshots(_hub);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            snapshots.GetAsync(ApprovalQueue.Supervisor, _query, 0, () => throw new InvalidOperationException("database busy")));

        var page = await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, 0, () => ReadAsync(Task.CompletedTask));

        Assert.Empty(page.Items);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_DifferentQueues_AreReadSeparately()
    {
        var snapshots = new QueueSnapshots(_hub);

        await snapshots.GetAsync(ApprovalQueue.Supervisor, _query, 0, () => ReadAsync(Task.CompletedTask));
        await snapshots.GetAsync(ApprovalQueue.Security, _query, 0, () => ReadAsync(Task.CompletedTask));

        Assert.Equal(2, _reads);
    }

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
