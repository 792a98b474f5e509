using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Features.Approvals;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>
/// The store under concurrency, which BenchmarkDotNet's one-call-at-a-time loop cannot show:
/// <list type="bullet">
/// <item><b>write path</b>: N callers approving different cases at once through the real
/// <see cref="ApprovalService.DecideAsync"/> (the staff check, the case read, separation of duties, the update with its
/// version token, the keyed audit append, each decision atomic in its own savepoint, decisions that queue behind the
/// write gate committed together (<see cref="Features.Cases.CaseWriter"/>), synchronous=FULL), beside raw
/// <c>Microsoft.Data.Sqlite</c> doing the same statements (read the case, update it, read the chain head, append an
/// entry) in <c>BEGIN IMMEDIATE</c> transactions on the same file settings;</item>
/// <item><b>read path</b>: 8 readers asking for the supervisor queue's first page at once: each read after an event
/// that changed nothing on the page (the total and the page's rows every time), each read with one row of the page
/// changed (the rows and that item), each read of the whole page (one statement, as the first read of a page), then
/// while another supervisor decides 20 cases a second (the page shared between changes).</item>
/// </list>
/// Goals (issue 9): writes ≥ 1,000 tx/s with p99 ≤ 25 ms and no busy errors; reads p95 ≤ 2 ms. The write path runs
/// twice: at saturation (each caller starts again at once: the throughput) and paced, with decisions due at the goal's
/// rate (the latency at that load, timed from when each was due).
/// Run: cd bench/ResetConsole.Bench &amp;&amp; dotnet run -c Release -- store [callers=64] [seconds=15] [rate=1000] [--only read|write]
/// </summary>
public static class StoreMeasurement
{
    public static async Task<int> RunAsync(int callers, TimeSpan duration, int rate, string? only)
    {
        var parts = only is null ? "" : $" --only {only}";
        Console.WriteLine($"command: cd bench/ResetConsole.Bench && dotnet run -c Release -- store {callers} {duration.TotalSeconds:F0} {rate}{parts}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        await using var host = await BenchHost.StartAsync();
        Console.WriteLine("seeding 100,000 cases, 40,000 of them waiting in the supervisor queue");
        await CaseSeeder.SeedAsync(host, total: 100_000, awaitingSupervisor: 40_000, awaitingSecurity: 2_000);
        var sam = await host.StaffAsync("sam", Roles.Supervisor);
        var lee = await host.StaffAsync("lee", Roles.SecurityLead);
        var approvals = host.Get<ApprovalService>();
        var hub = host.Get<ConsoleEventHub>();
        var busy = 0;

        if (only is null or "read")
        {
            var waiting = await WaitingCasesAsync(host);

            // Each read after an event of its own that changed nothing on the page: the staff check, the total and the
            // page's rows every time; no item is read again.
            var page = () => approvals.QueueAsync(sam, ApprovalQueue.Supervisor, new QueueQuery());
            var afterAnEvent = () => { hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged)); return page(); };
            // Not reported: the first measured phase must not pay for the JIT's tiering-up after the seeding.
            await ReadersAsync(readers: 8, TimeSpan.FromSeconds(5), afterAnEvent);
            var queried = await ReadersAsync(readers: 8, duration, afterAnEvent);
            Report("read path, 8 readers, every read after an event (the total and the page's rows each time, no item changed)", queried);

            // Each read as if one row of the page had changed (a decision's approval, an escalation): the rows and that
            // one item. And a read with nothing to keep (the first of a page after a start): one statement for the
            // page and its items. Both with the staff check, as the service makes it.
            var access = host.Get<StaffAccess>();
            Func<Task<QueuePage>> ReadFrom(QueuePage? previous) => async () =>
            {
                await access.RequireAsync(sam, ApprovalService.QueueReaders);
                return await approvals.ReadQueueAsync(ApprovalQueue.Supervisor, new QueueQuery(), previous, CancellationToken.None);
            };
            var current = await approvals.ReadQueueAsync(ApprovalQueue.Supervisor, new QueueQuery(), previous: null, CancellationToken.None);
            var changedRow = await ReadersAsync(readers: 8, duration, ReadFrom(QueuePages.WithFirstRowChanged(current)));
            Report("read path, 8 readers, every read with one row of the page changed (the rows and one item each time)", changedRow);
            var whole = await ReadersAsync(readers: 8, duration, ReadFrom(previous: null));
            Report("read path, 8 readers, every read of the whole page (one statement for the page and its items each time)", whole);

            // What supervisors opening the queue get while decisions land (20 a second, by another supervisor, through the
            // service): the staff check and the page shared between changes; the first reader after each decision queries.
            using var landing = new CancellationTokenSource();
            var decider = DecideEveryAsync(approvals, lee, waiting.Skip(32_000), TimeSpan.FromMilliseconds(50), landing.Token);
            var served = await ReadersAsync(readers: 8, duration, page);
            await landing.CancelAsync();
            Report($"read path, 8 readers, {await decider:N0} decisions landing meanwhile (shared page between changes)", served);
        }

        if (only is null or "write")
        {
            // The write path needs more waiting cases than the read path's queue holds: they are added after it.
            var paced = (int)(rate * duration.TotalSeconds);
            Console.WriteLine($"seeding {2 * paced:N0} more cases waiting in the supervisor queue for the paced runs");
            await CaseSeeder.SeedAsync(host, total: 2 * paced, awaitingSupervisor: 2 * paced, awaitingSecurity: 0, from: 100_000);
            var waiting = await WaitingCasesAsync(host);
            var path = new SqliteConnectionStringBuilder { DataSource = host.DatabasePath, Pooling = true }.ToString();

            // What each approver reviewed (the case and its hash) is read first, outside the measured window: the goal is
            // the approve transaction itself. 16,000 cases for the service at saturation, the next 16,000 for the floor,
            // then rate x seconds each for the paced runs.
            var forService = waiting.Take(16_000).ToList();
            var forPaced = waiting.Skip(32_000).Take(paced).ToList();
            var reviewed = new ConcurrentDictionary<Guid, string>();
            await Parallel.ForEachAsync(forService.Concat(forPaced), async (id, ct) => reviewed[id] = (await approvals.ReviewAsync(sam, id, ct)).Hash);
            Console.WriteLine($"reviewed {reviewed.Count:N0} cases before the write path");
            async Task<double> Decide(Guid id)
            {
                var clock = Stopwatch.StartNew();
                await approvals.DecideAsync(sam, id, approve: true, "write-path measurement", reviewed[id]);
                return clock.Elapsed.TotalMilliseconds;
            }

            // Saturation: every caller starts its next decision as soon as its last one returns. With N callers always
            // waiting, the mean time per decision is N / throughput (Little's law), whatever the store does.
            var service = await WritersAsync(callers, new ConcurrentQueue<Guid>(forService), Decide, duration);
            Report("write path at saturation, ApprovalService.DecideAsync (each decision atomic in its own savepoint, committed in groups)", callers, service, "decisions");

            // At the goal's rate: the same callers, decisions arriving on a fixed schedule (rate a second in all), each
            // timed from when it was due to start, so a decision that waited for a free caller counts its wait.
            var servicePaced = await WritersAsync(callers, new ConcurrentQueue<Guid>(forPaced), Decide, rate: rate);
            Report($"write path at {rate:N0} decisions/s offered, ApprovalService.DecideAsync", callers, servicePaced, "decisions");

            var floor = await WritersAsync(callers, new ConcurrentQueue<Guid>(waiting.Skip(16_000).Take(16_000)), id => RawApproveAsync(path, id), duration);
            Report("write path floor at saturation, raw Microsoft.Data.Sqlite, same statements, one transaction each", callers, floor, "transactions");
            var floorPaced = await WritersAsync(callers, new ConcurrentQueue<Guid>(waiting.Skip(32_000 + paced).Take(paced)), id => RawApproveAsync(path, id), rate: rate);
            Report($"write path floor at {rate:N0} transactions/s offered, raw Microsoft.Data.Sqlite", callers, floorPaced, "transactions");
            busy = service.BusyErrors + floor.BusyErrors + servicePaced.BusyErrors + floorPaced.BusyErrors
                + service.OtherErrors + floor.OtherErrors + servicePaced.OtherErrors + floorPaced.OtherErrors;
        }

        return busy > 0 ? 1 : 0;
    }

    private static async Task<List<double>> ReadersAsync(int readers, TimeSpan duration, Func<Task<QueuePage>> read)
    {
        var times = new ConcurrentBag<double>();
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
        {
            while (until.Elapsed < duration)
            {
                // Each read is its own work item, as separate requests are: a reader that completes synchronously
                // must not hold a thread-pool thread in a loop and starve the decisions landing meanwhile.
                await Task.Yield();
                var clock = Stopwatch.StartNew();
                await read();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        })));
        return [.. times.Order()];
    }

    /// <summary>Reviews and approves one case per <paramref name="interval"/> until cancelled; returns how many.</summary>
    private static async Task<int> DecideEveryAsync(ApprovalService approvals, StaffActor approver, IEnumerable<Guid> cases, TimeSpan interval, CancellationToken ct)
    {
        var decided = 0;
        using var timer = new PeriodicTimer(interval);
        using var next = cases.GetEnumerator();
        try
        {
            while (await timer.WaitForNextTickAsync(ct) && next.MoveNext())
            {
                var review = await approvals.ReviewAsync(approver, next.Current, ct);
                await approvals.DecideAsync(approver, next.Current, approve: true, "read-path measurement", review.Hash, ct);
                decided++;
            }
        }
        catch (OperationCanceledException)
        {
            // The readers are done.
        }

        return decided;
    }

    private static void Report(string what, List<double> sorted) =>
        Console.WriteLine($"{what}: {sorted.Count:N0} first pages, p50 {Ms(sorted, 0.5)}, p95 {Ms(sorted, 0.95)}, p99 {Ms(sorted, 0.99)}");

    internal static async Task<List<Guid>> WaitingCasesAsync(BenchHost host)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ids = await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.ApprovalQueue == ApprovalQueue.Supervisor && c.Status == Domain.Cases.CaseStatus.AwaitingApproval)
            .Select(c => c.Id).ToListAsync();
        return ids;
    }

    private sealed record Run(List<double> Latencies, double Seconds, int BusyErrors, int OtherErrors, TimeSpan Cpu);

    /// <summary>
    /// <paramref name="callers"/> approving the queued cases. Without a <paramref name="rate"/>, at saturation for
    /// <paramref name="duration"/>: each caller starts its next case as soon as its last one returns, and each latency
    /// is the call's own. With one, open-loop load: the n-th case is due at n / rate seconds from the start, whoever runs
    /// it, and each latency runs from when it was due (a caller that was still busy, or a wait that overslept, counts
    /// against the store, as wrk2 counts it), so a store that cannot keep up shows its growing queue instead of hiding it.
    /// </summary>
    private static async Task<Run> WritersAsync(int callers, ConcurrentQueue<Guid> cases, Func<Guid, Task<double>> approve, TimeSpan? duration = null, int? rate = null)
    {
        var latencies = new ConcurrentBag<double>();
        var busy = 0;
        var other = 0;
        var next = -1L;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while ((duration is null || clock.Elapsed < duration) && cases.TryDequeue(out var id))
            {
                var due = rate is { } perSecond ? TimeSpan.FromSeconds(Interlocked.Increment(ref next) / (double)perSecond) : TimeSpan.Zero;
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                try
                {
                    var took = await approve(id);
                    latencies.Add(rate is null ? took : (clock.Elapsed - due).TotalMilliseconds);
                }
                catch (Exception ex) when (IsBusy(ex))
                {
                    Interlocked.Increment(ref busy);
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref other) == 1)
                    {
                        Console.WriteLine($"  first error: {ex}");
                    }
                }
            }
        })));
        return new Run([.. latencies.Order()], clock.Elapsed.TotalSeconds, busy, other, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static bool IsBusy(Exception ex) => ex is SqliteException { SqliteErrorCode: 5 or 6 } || (ex.InnerException is { } inner && IsBusy(inner));

    // Times as the console stores them, so that the service can read what the floor wrote.
    private static readonly Func<DateTimeOffset, long> StoredTime = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;

    /// <summary>The statements the service's transaction runs, without EF, the gate or the HMAC: the floor.</summary>
    internal static async Task<double> RawApproveAsync(string connectionString, Guid id)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var tx = connection.BeginTransaction(deferred: false);
        var key = id.ToString().ToUpperInvariant();
        long version;
        string subject;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT * FROM RecoveryCases WHERE Id = $id";
            read.Parameters.AddWithValue("$id", key);
            await using var reader = await read.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException($"case {key} not found");
            }

            version = reader.GetInt64(reader.GetOrdinal("Version"));
            subject = reader.GetString(reader.GetOrdinal("SubjectId"));
        }

        await using (var update = connection.CreateCommand())
        {
            update.CommandText = "UPDATE RecoveryCases SET Status = 'Approved', Version = Version + 1, UpdatedAt = $now WHERE Id = $id AND Version = $version";
            update.Parameters.AddWithValue("$id", key);
            update.Parameters.AddWithValue("$version", version);
            update.Parameters.AddWithValue("$now", StoredTime(DateTimeOffset.UtcNow));
            await update.ExecuteNonQueryAsync();
        }

        string previous;
        long sequence;
        await using (var head = connection.CreateCommand())
        {
            head.CommandText = "SELECT Sequence, Hash FROM AuditEntries ORDER BY Sequence DESC LIMIT 1";
            await using var reader = await head.ExecuteReaderAsync();
            (sequence, previous) = await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1)) : (0L, "");
        }

        await using (var append = connection.CreateCommand())
        {
            append.CommandText = "INSERT INTO AuditEntries (Sequence, At, ActorId, ActorName, ActorIsVendor, Action, Outcome, CaseId, SubjectId, DetailsJson, PreviousHash, Hash) " +
                "VALUES ($seq, $at, 'sam', 'sam', 0, 'approval.floor', 'succeeded', $id, $subject, '{}', $previous, $hash)";
            append.Parameters.AddWithValue("$seq", sequence + 1);
            append.Parameters.AddWithValue("$at", StoredTime(DateTimeOffset.UtcNow));
            append.Parameters.AddWithValue("$id", key);
            append.Parameters.AddWithValue("$subject", subject);
            append.Parameters.AddWithValue("$previous", previous);
            append.Parameters.AddWithValue("$hash", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(previous + key))));
            await append.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static void Report(string what, int callers, Run run, string unit) => Console.WriteLine(
        $"{what}: {callers} callers, {run.Latencies.Count:N0} {unit} in {run.Seconds:F1} s = {run.Latencies.Count / run.Seconds:N0}/s, " +
        $"p50 {Ms(run.Latencies, 0.5)}, p95 {Ms(run.Latencies, 0.95)}, p99 {Ms(run.Latencies, 0.99)}, busy errors {run.BusyErrors}, other errors {run.OtherErrors}, " +
        $"process CPU {run.Cpu.TotalMilliseconds / Math.Max(1, run.Latencies.Count):F2} ms per {unit[..^1]}");

    private static string Ms(List<double> sorted, double p) => sorted.Count == 0
        ? "n/a"
        : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)].ToString("F2", CultureInfo.InvariantCulture) + " ms";
}
