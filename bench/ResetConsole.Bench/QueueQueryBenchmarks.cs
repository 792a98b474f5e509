using BenchmarkDotNet.Attributes;
using ResetConsole.Auth;
using ResetConsole.Features.Approvals;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>
/// The approval queue's first page (50 rows, sorted by due time) with 100,000 cases of which 10,000 are open,
/// through the real service. "AfterAChange" publishes a case change first, as every decision does, so the read runs
/// the staff check, the indexed count and page query and the projection; the others are what a supervisor opening
/// the queue gets between changes: the staff check and the shared page (QueueSnapshots). Goal: p95 at most 2 ms.
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
    public Task<QueuePage> SupervisorQueueFirstPageShared() => _approvals.QueueAsync(_supervisor, ApprovalQueue.Supervisor, new QueueQuery());

    [Benchmark]
    public Task<QueueCounts> NavCounters() => _approvals.CountsAsync(_supervisor);
}
