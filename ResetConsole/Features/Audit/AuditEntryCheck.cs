using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;

namespace ResetConsole.Features.Audit;

/// <summary>Checks chosen entries against the chain: each entry's own hash, and its link to the entry before it.</summary>
public interface IAuditEntryCheck
{
    Task<EvidenceChainCheck> CheckAsync(AppDbContext db, IReadOnlyList<long> sequences, CancellationToken ct = default);
}

public sealed class AuditEntryCheck(AuditKeyring keys) : IAuditEntryCheck
{
    public async Task<EvidenceChainCheck> CheckAsync(AppDbContext db, IReadOnlyList<long> sequences, CancellationToken ct = default)
    {
        var wanted = sequences.ToHashSet();
        var previous = sequences.Select(s => s - 1).ToHashSet();
        var rows = await db.AuditEntries.AsNoTracking().Where(e => wanted.Contains(e.Sequence) || previous.Contains(e.Sequence)).ToDictionaryAsync(e => e.Sequence, ct);
        using var sealer = keys.CreateSealer();
        foreach (var sequence in sequences.Order())
        {
            if (!rows.TryGetValue(sequence, out var entry))
            {
                return new EvidenceChainCheck(false, sequences.Count, $"Entry #{sequence} is missing.");
            }

            if (!sealer.IsSealed(entry))
            {
                return new EvidenceChainCheck(false, sequences.Count, $"Entry #{sequence} does not match its hash: it was edited or forged.");
            }

            var expected = sequence == 1 ? AuditLog.GenesisHash : rows.TryGetValue(sequence - 1, out var before) ? before.Hash : null;
            if (expected != entry.PreviousHash)
            {
                return new EvidenceChainCheck(false, sequences.Count, $"Entry #{sequence} does not follow the entry before it: the chain was cut or reordered there.");
            }
        }

        return new EvidenceChainCheck(true, sequences.Count, $"Intact: all {sequences.Count} entries of this case verify and link to the chain.");
    }
}
