using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Hands audit entries to the SIEM only once they are committed. Entries added in a save inside a transaction are held
/// with that transaction and emitted when it commits; a transaction that rolls back, fails or is disposed uncommitted
/// takes its entries with it. Held per transaction, not per context: contexts are pooled, and a context that saved in
/// a transaction that never committed is handed out again. A save with no transaction of the caller's emits when it
/// completes. A save that fails drops only its own entries (a batch of changes in one transaction keeps the others').
/// </summary>
internal sealed class AuditSiemInterceptor(AuditSiem siem) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<object, List<AuditEntry>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Hold(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Hold(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EmitUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EmitUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => DropFailedSave(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DropFailedSave(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Emit(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Emit(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _pending.Remove(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    /// <summary>Held with the caller's transaction if there is one, else with the context for the length of the save.</summary>
    private static object Owner(DbContext context) => context.Database.CurrentTransaction?.GetDbTransaction() ?? (object)context;

    private void Hold(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = AuditLog.Unsaved(context);
        if (added.Count > 0)
        {
            _pending.GetOrCreateValue(Owner(context)).AddRange(added);
        }
    }

    private void EmitUnlessInTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Emit(context);
        }
    }

    private void Emit(object owner)
    {
        if (!_pending.TryGetValue(owner, out var entries))
        {
            return;
        }

        _pending.Remove(owner);
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            siem.Emit(entry);
        }
    }

    private void DropFailedSave(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(Owner(context), out var entries))
        {
            return;
        }

        var failed = AuditLog.Unsaved(context);
        entries.RemoveAll(failed.Contains);
        if (context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }
}
