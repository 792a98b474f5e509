using BenchmarkDotNet.Attributes;
using ResetConsole.Auth;
using ResetConsole.Features.Approvals;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>
/// The approval queue's first page (50 rows, sorted by due time) with 100,000 cases of which 10,000 are open,
/// through the real service: the staff check, the indexed query and the projection. Goal: p95 at most 2 ms.
/// Run: dotnet run -c Release --project bench/ResetConsole.Bench -- --filter *QueueQuery*
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class QueueQueryBenchmarks
{
    private BenchHost _host = null!;
    private ApprovalService _approvals = null!;
    private StaffActor _supervisor = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await BenchHost.StartAsync();
        await CaseSeeder.SeedAsync(_host, total: 100_000, awaitingSupervisor: 8_000, awaitingSecurity: 2_000);
        _supervisor = await _host.StaffAsync("sam", Roles.Supervisor);
        _approvals = _host.Get<ApprovalService>();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark]
    public Task<QueuePage> SupervisorQueueFirstPage() => _approvals.QueueAsync(_supervisor, ApprovalQueue.Supervisor, new QueueQuery());

    [Benchmark]
    public Task<QueuePage> SupervisorQueueFilteredByTier() => _approvals.QueueAsync(_supervisor, ApprovalQueue.Supervisor, new QueueQuery(TierId: "elevated"));

    [Benchmark]
    public Task<QueueCounts> NavCounters() => _approvals.CountsAsync(_supervisor);
}
