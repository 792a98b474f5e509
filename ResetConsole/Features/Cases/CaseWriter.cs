using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Security;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Features.Cases;

/// <summary>
/// The one way a case changes: under the write gate, check the actor's current roles inside the transaction, load the
/// case, apply the change, append its audit entry and any security alert, and commit; then tell open screens. A
/// refusal is audited on its own and rethrown.
/// <para>
/// Group commit: changes that arrive while another commits wait in a queue, and the next batch runs them one after
/// another in one transaction, each inside its own savepoint, with one commit (one fsync) for all. Each change still
/// sees the ones before it, a change that fails or is refused rolls back to its savepoint alone, and nobody hears
/// "done" before the commit: if the commit fails, every change in the batch fails with it.
/// </para>
/// </summary>
public sealed class CaseWriter(
    IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, IAuditLog audit, SecurityAlerts alerts, ConsoleEventHub hub, TimeProvider time)
{
    /// <summary>Changes per transaction at most: enough to share the fsync, few enough to keep a batch short.</summary>
    public const int MaxBatch = 32;

    private const string Savepoint = "change";

    private readonly ConcurrentQueue<PendingChange> _waiting = new();
    private int _draining;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Changes queued for the next batch (tests hold the gate until the ones they started are all here).</summary>
    internal int Waiting => _waiting.Count;

    public async Task<T> ChangeAsync<T>(
        StaffActor actor,
        Guid caseId,
        IReadOnlyCollection<string> roles,
        string action,
        Func<CaseContext, Task<(T Result, CaseChange Change)>> change,
        CancellationToken ct = default)
    {
        var pending = new PendingChange<T>(this, actor, caseId, roles, change, ct);
        try
        {
            _waiting.Enqueue(pending);
            StartDraining();
            var done = await pending.Task;
            alerts.Announce(done.Raised);

            // After the commit: side effects (sending a code) may write on their own, and must not hold up other writers.
            hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, caseId, pending.SubjectId));
            if (done.Change.AfterCommit is not null)
            {
                await done.Change.AfterCommit();
            }

            return done.Result;
        }
        catch (Exception ex) when (ex is CaseRuleException or AccessRefusedException)
        {
            await audit.AppendAloneAsync(new AuditRecord(pending.Current ?? actor, action, AuditRecord.Refused, caseId, pending.SubjectId,
                new Dictionary<string, string?> { ["reason"] = ex.Message }), CancellationToken.None);
            throw;
        }
    }

    public Task ChangeAsync(StaffActor actor, Guid caseId, IReadOnlyCollection<string> roles, string action,
        Func<CaseContext, Task<CaseChange>> change, CancellationToken ct = default) =>
        ChangeAsync(actor, caseId, roles, action, async context => (true, await change(context)), ct);

    /// <summary>
    /// One drain at a time, off the callers' own flow (a caller never waits for other people's changes after its own
    /// committed). Whoever finds no drain running starts one; a drain that ends re-checks the queue, so a change queued
    /// just as it finished is not left behind.
    /// </summary>
    private void StartDraining()
    {
        if (Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
        {
            return;
        }

        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(DrainAsync);
        }
    }

    private async Task DrainAsync()
    {
        do
        {
            try
            {
                using (await gate.EnterAsync(CancellationToken.None))
                {
                    while (Take() is { Count: > 0 } batch)
                    {
                        await RunBatchAsync(batch);
                    }
                }
            }
            catch (Exception ex)
            {
                // Only the gate itself can throw here (RunBatchAsync fails its changes instead); nothing may stay waiting.
                while (_waiting.TryDequeue(out var orphan))
                {
                    orphan.Fail(ex);
                }
            }
            finally
            {
                Interlocked.Exchange(ref _draining, 0);
            }
        }
        while (!_waiting.IsEmpty && Interlocked.CompareExchange(ref _draining, 1, 0) == 0);
    }

    private List<PendingChange> Take()
    {
        var batch = new List<PendingChange>();
        while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        return batch;
    }

    private async Task RunBatchAsync(List<PendingChange> batch)
    {
        var applied = new List<PendingChange>(batch.Count);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var change in batch)
            {
                if (change.Cancellation.IsCancellationRequested)
                {
                    change.Fail(new OperationCanceledException(change.Cancellation));
                    continue;
                }

                await transaction.CreateSavepointAsync(Savepoint);
                try
                {
                    await change.ApplyAsync(db);
                    await transaction.ReleaseSavepointAsync(Savepoint);
                    applied.Add(change);
                }
                catch (Exception ex)
                {
                    await transaction.RollbackToSavepointAsync(Savepoint);
                    change.Fail(ex);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            if (applied.Count > 0)
            {
                await transaction.CommitAsync();
            }
        }
        catch (Exception ex)
        {
            // Begin, a savepoint or the commit failed: nothing in this batch is saved.
            foreach (var change in batch)
            {
                change.Fail(ex);
            }

            return;
        }

        foreach (var change in applied)
        {
            change.Complete();
        }
    }

    /// <summary>The per-day counts, the audit entry and any alert for one applied change, saved inside its savepoint.</summary>
    private async Task<IReadOnlyList<SecurityAlert>> RecordAsync(AppDbContext db, RecoveryCase recoveryCase, DailyTally.Before before, AuditRecord record, CancellationToken ct)
    {
        await DailyTally.AddChangeAsync(db, recoveryCase, before, ct);
        await audit.AppendAsync(db, record, ct);
        var raised = alerts.Stage(db, record, recoveryCase);
        await db.SaveChangesAsync(ct);
        return raised;
    }

    private abstract class PendingChange(StaffActor actor, Guid caseId, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        // The caller's logging scope and circuit state, for the change's own code when a drain runs it.
        private readonly ExecutionContext? _context = ExecutionContext.Capture();

        public CancellationToken Cancellation => ct;

        public StaffActor? Current { get; private set; }

        public string? SubjectId { get; private set; }

        public Task ApplyAsync(AppDbContext db)
        {
            if (_context is null)
            {
                return RunAsync(db);
            }

            Task running = Task.CompletedTask;
            ExecutionContext.Run(_context, _ => running = RunAsync(db), null);
            return running;
        }

        public abstract void Complete();

        public abstract void Fail(Exception error);

        protected abstract Task ChangeCaseAsync(AppDbContext db, RecoveryCase recoveryCase, StaffActor current);

        // The case as the change sees it, tracked, with its steps, decisions and side effects. Compiled once: every
        // change reads it inside the write gate.
        private static readonly Func<AppDbContext, Guid, CancellationToken, Task<RecoveryCase?>> CaseToChange =
            EF.CompileAsyncQuery((AppDbContext db, Guid caseId, CancellationToken ct) => db.RecoveryCases.SingleOrDefault(c => c.Id == caseId));

        private async Task RunAsync(AppDbContext db)
        {
            Current = await StaffAccess.RequireAsync(db, actor, roles, ct);
            var recoveryCase = await CaseToChange(db, caseId, ct) ?? throw new CaseRuleException("There is no such case.");
            SubjectId = recoveryCase.SubjectId;
            await ChangeCaseAsync(db, recoveryCase, Current);
        }
    }

    private sealed class PendingChange<T>(
        CaseWriter writer, StaffActor actor, Guid caseId, IReadOnlyCollection<string> roles,
        Func<CaseContext, Task<(T Result, CaseChange Change)>> change, CancellationToken cancellation)
        : PendingChange(actor, caseId, roles, cancellation)
    {
        private readonly TaskCompletionSource<Committed<T>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Committed<T>? _applied;

        public Task<Committed<T>> Task => _done.Task;

        public override void Complete() => _done.TrySetResult(_applied!);

        public override void Fail(Exception error)
        {
            _applied = null;
            if (error is OperationCanceledException canceled)
            {
                _done.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                _done.TrySetException(error);
            }
        }

        protected override async Task ChangeCaseAsync(AppDbContext db, RecoveryCase recoveryCase, StaffActor current)
        {
            var before = DailyTally.Snapshot(recoveryCase);
            var (result, made) = await change(new CaseContext(db, recoveryCase, current, writer.Now));
            var raised = await writer.RecordAsync(db, recoveryCase, before, made.Audit, Cancellation);
            _applied = new Committed<T>(result, made, raised);
        }
    }

    private sealed record Committed<T>(T Result, CaseChange Change, IReadOnlyList<SecurityAlert> Raised);
}
