using BenchmarkDotNet.Attributes;
using ResetConsole.Auth;
using ResetConsole.Features.Approvals;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>
/// The approval queue's first page (50 rows, sorted by due time) with 100,000 cases of which 10,000 are open,
/// through the real service. "AfterAChange" publishes a case change first, as every decision does, so the read runs
/// the staff check, the queue's total and the page's rows (no item changed, so none is read again); "OneRowChanged"
/// reads the rows and the one item that changed; "Whole" reads the page and its items in one statement (nothing to
/// keep, as the first read of a page after a start); the shared ones are what a supervisor opening the queue gets between changes: the staff
/// check and the shared page (QueueSnapshots). Goal: p95 at most 2 ms.
/// Run: dotnet run -c Release --project bench/ResetConsole.Bench -- --filter *QueueQuery*
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class QueueQueryBenchmarks
{
    private BenchHost _host = null!;
    private ApprovalService _approvals = null!;
    private StaffActor _supervisor = null!;
    private ConsoleEventHub _hub = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await BenchHost.StartAsync();
        await CaseSeeder.SeedAsync(_host, total: 100_000, awaitingSupervisor: 8_000, awaitingSecurity: 2_000);
        _supervisor = await _host.StaffAsync("sam", Roles.Supervisor);
        _approvals = _host.Get<ApprovalService>();
        _hub = _host.Get<ConsoleEventHub>();
    }

    private QueuePage _oneRowChanged = null!;

    [GlobalSetup(Targets = [nameof(SupervisorQueueFirstPageOneRowChanged)])]
    public async Task SetupOneRowChangedAsync()
    {
        await SetupAsync();
        var page = await _approvals.ReadQueueAsync(ApprovalQueue.Supervisor, new QueueQuery(), previous: null, CancellationToken.None);
        _oneRowChanged = QueuePages.WithFirstRowChanged(page);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark]
    public Task<QueuePage> SupervisorQueueFirstPageAfterAChange()
    {
        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        return _approvals.QueueAsync(_supervisor, ApprovalQueue.Supervisor, new QueueQuery());
    }

    [Benchmark]
    public Task<QueuePage> SupervisorQueueFilteredByTierAfterAChange()
    {
        _hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));
        return _approvals.QueueAsync(_supervisor, ApprovalQueue.Supervisor, new QueueQuery(TierId: "elevated"));
    }

    [Benchmark]
    public async Task<QueuePage> SupervisorQueueFirstPageOneRowChanged()
    {
        await _host.Get<StaffAccess>().RequireAsync(_supervisor, ApprovalService.QueueReaders);
        return await _approvals.ReadQueueAsync(ApprovalQueue.Supervisor, new QueueQuery(), _oneRowChanged, CancellationToken.None);
    }

    [Benchmark]
    public async Task<QueuePage> SupervisorQueueWholeFirstPage()
    {
        await _host.Get<StaffAccess>().RequireAsync(_supervisor, ApprovalService.QueueReaders);
        return await _approvals.ReadQueueAsync(ApprovalQueue.Supervisor, new QueueQuery(), previous: null, CancellationToken.None);
    }

    [Benchmark]
    public Task<QueuePage> SupervisorQueueFirstPageShared() => _approvals.QueueAsync(_supervisor, ApprovalQueue.Supervisor, new QueueQuery());

    [Benchmark]
    public Task<QueueCounts> NavCounters() => _approvals.CountsAsync(_supervisor);
}
