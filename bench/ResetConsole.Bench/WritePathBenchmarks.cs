using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using ResetConsole.Auth;
using ResetConsole.Features.Approvals;

namespace ResetConsole.Bench;

/// <summary>
/// One approval at a time: the real <see cref="ApprovalService.DecideAsync"/> (the subject's names, the write gate,
/// the staff check, the case read, separation of duties, the update with its version token, the daily counts, the
/// keyed audit append, a commit with synchronous=FULL) beside raw <c>Microsoft.Data.Sqlite</c> running the same
/// statements in one transaction (<see cref="StoreMeasurement.RawApproveAsync"/>). The concurrent figures (64 callers,
/// group commit) are the store measurement's; this one gives the time and the allocations of a single decision, which
/// move far less from run to run on a shared machine than a throughput does. Each invocation decides a case of its
/// own (100,000 cases, enough of them waiting), so the job fixes how many invocations run.
/// Run: cd bench/ResetConsole.Bench &amp;&amp; dotnet run -c Release -- --filter '*WritePath*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: WarmupCount, iterationCount: IterationCount, invocationCount: Invocations)]
public class WritePathBenchmarks
{
    private const int WarmupCount = 2;
    private const int IterationCount = 10;
    private const int Invocations = 192; // a multiple of the default unroll factor (16)

    private BenchHost _host = null!;
    private ApprovalService _approvals = null!;
    private StaffActor _sam = null!;
    private string _connectionString = null!;
    private Queue<(Guid Id, string Hash)> _waiting = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // Room for every invocation BenchmarkDotNet runs (the jitting stage, warm-up and measured iterations).
        var needed = (WarmupCount + IterationCount + 2) * Invocations;
        _host = await BenchHost.StartAsync();
        await CaseSeeder.SeedAsync(_host, total: 100_000, awaitingSupervisor: needed, awaitingSecurity: 0);
        _approvals = _host.Get<ApprovalService>();
        _sam = await _host.StaffAsync("sam", Roles.Supervisor);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _host.DatabasePath, Pooling = true }.ToString();
        _waiting = new();
        foreach (var id in await StoreMeasurement.WaitingCasesAsync(_host))
        {
            // What the approver reviewed is read here, outside the measurement: the goal is the approve transaction.
            _waiting.Enqueue((id, (await _approvals.ReviewAsync(_sam, id)).Hash));
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task Approve()
    {
        var (id, hash) = _waiting.Dequeue();
        return _approvals.DecideAsync(_sam, id, approve: true, "write-path benchmark", hash);
    }

    [Benchmark]
    public Task<double> RawFloor() => StoreMeasurement.RawApproveAsync(_connectionString, _waiting.Dequeue().Id);
}
