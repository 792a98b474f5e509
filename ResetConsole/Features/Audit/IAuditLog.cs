using ResetConsole.Data;

namespace ResetConsole.Features.Audit;

/// <summary>
/// The audit trail. <see cref="Append"/> adds an entry to the caller's unit of work so it commits (or rolls back)
/// with the change it records; the caller must hold the <see cref="WriteGate"/> so the chain stays linear.
/// </summary>
public interface IAuditLog
{
    Task AppendAsync(AppDbContext db, AuditRecord record, CancellationToken ct = default);

    /// <summary>Records a refusal or failure on its own, when there is no change to commit with it.</summary>
    Task AppendAloneAsync(AuditRecord record, CancellationToken ct = default);
}
