using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Appends hash-chained entries: each entry's keyed hash covers its content and the previous hash, so an edited,
/// missing, reordered or forged row breaks the chain (see <see cref="AuditVerifier"/>).
/// </summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, TimeProvider time, AuditKeyring keys) : IAuditLog
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // The last entry's place and hash, compiled once: every change appends inside the write gate.
    private static readonly Func<AppDbContext, CancellationToken, Task<ChainLink?>> ChainHead =
        EF.CompileAsyncQuery((AppDbContext db, CancellationToken ct) =>
            db.AuditEntries.OrderByDescending(e => e.Sequence).Select(e => new ChainLink(e.Sequence, e.Hash)).FirstOrDefault());

    public async Task AppendAsync(AppDbContext db, AuditRecord record, CancellationToken ct = default)
    {
        var last = Unsaved(db).MaxBy(e => e.Sequence) is { } pending ? new ChainLink(pending.Sequence, pending.Hash) : await ChainHead(db, ct);
        var entry = new AuditEntry
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            At = AuditTime.Normalize(time.GetUtcNow()),
            ActorIssuer = record.Actor?.Issuer,
            ActorId = record.Actor?.Id,
            ActorName = record.Actor?.Name,
            ActorRoles = record.Actor?.RolesText,
            ActorIsVendor = record.Actor?.IsVendor ?? false,
            Action = record.Action,
            Outcome = record.Outcome,
            CaseId = record.CaseId,
            SubjectId = record.SubjectId,
            DetailsJson = JsonSerializer.Serialize(record.Details ?? new Dictionary<string, string?>()),
            PreviousHash = last?.Hash ?? GenesisHash,
            Hash = string.Empty,
        };
        using var sealer = keys.CreateSealer();
        entry.Hash = sealer.Seal(entry);
        db.AuditEntries.Add(entry);
    }

    /// <summary>
    /// The entries added to <paramref name="db"/> and not yet saved. Entries are only ever added through
    /// <c>AuditEntries.Add</c>, which marks them Added at once, so this reads the tracker without EF's scan of every
    /// tracked entity for changes (a case write holds the case with its steps and decisions).
    /// </summary>
    internal static List<AuditEntry> Unsaved(DbContext db)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. tracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    public async Task AppendAloneAsync(AuditRecord record, CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await AppendAsync(db, record, ct);
        await db.SaveChangesAsync(ct);
    }

    private sealed record ChainLink(long Sequence, string Hash);
}
