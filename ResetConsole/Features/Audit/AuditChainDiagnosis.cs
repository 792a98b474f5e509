using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using static ResetConsole.Features.Audit.AuditVerifier;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Works out what happened at the first entry that failed its link or keyed hash. Runs only on a broken chain, so it
/// may read the table again: to find where a moved entry was sealed, or whether the entry it displaced still exists.
/// </summary>
internal sealed class AuditChainDiagnosis(SqliteConnection connection, AuditSealer sealer)
{
    public static AuditVerification Gap(Outcome result, long expected, long found) => found < expected
        ? result.Broken(AuditBreak.Forged, found, $"entry #{N(found)} lies outside the chain, which starts at #1: it was inserted")
        : result.Broken(AuditBreak.Missing, expected, expected == 1
            ? $"the chain starts at #{N(found)}: entries #1 to #{N(found - 1)} were deleted"
            : $"entry #{N(expected)} is missing: the chain goes from #{N(expected - 1)} to #{N(found)}");

    public async Task<AuditVerification> DiagnoseAsync(Outcome result, AuditEntry row, string? expectedPrevious, AuditEntry? successor, CancellationToken ct)
    {
        var p = row.Sequence;
        if (IsPlainHash(row))
        {
            return result.Broken(AuditBreak.Forged, p,
                $"entry #{N(p)} carries a plain SHA-256 where its keyed hash belongs: it was written without the audit key (a forgery, or an entry from before keyed hashes)");
        }

        var linked = expectedPrevious is null || string.Equals(row.PreviousHash, expectedPrevious, StringComparison.Ordinal);
        if (linked)
        {
            if (successor is not null && string.Equals(successor.PreviousHash, row.Hash, StringComparison.Ordinal))
            {
                return sealer.IsSealed(successor)
                    ? result.Broken(AuditBreak.Edited, p, $"entry #{N(p)} was edited: its content no longer matches the keyed hash that entry #{N(p + 1)} still links to")
                    : result.Broken(AuditBreak.Forged, p, $"entry #{N(p)} and the entries after it were re-hashed without the audit key");
            }

            if (successor is not null && sealer.Matches(successor.PreviousHash, row, p, row.PreviousHash))
            {
                return result.Broken(AuditBreak.Edited, p, $"the stored hash of entry #{N(p)} was altered; its content still matches what entry #{N(p + 1)} links to");
            }

            return result.Broken(AuditBreak.Edited, p, $"entry #{N(p)} does not match its keyed hash: it was edited");
        }

        if (sealer.IsSealed(row))
        {
            return result.Broken(AuditBreak.Reordered, p, $"entry #{N(p)} is sealed but does not follow entry #{N(p - 1)}: it was spliced in from another chain");
        }

        if (sealer.IsSealed(row, afterHash: expectedPrevious))
        {
            return result.Broken(AuditBreak.Edited, p, $"the previous-hash field of entry #{N(p)} was altered");
        }

        if (await SealedSequenceAsync(row, ct) is { } q)
        {
            return q < p || await HeldLaterAsync(p, ct)
                ? result.Broken(AuditBreak.Reordered, p, $"entry #{N(p)} holds the entry sealed as #{N(q)}: entries were swapped or moved")
                : result.Broken(AuditBreak.Missing, p, $"entries #{N(p)} to #{N(q - 1)} were deleted and the entries after them renumbered");
        }

        return result.Broken(AuditBreak.Edited, p, $"entry #{N(p)} does not match its keyed hash and does not follow entry #{N(p - 1)}: it was edited");
    }

    /// <summary>The sequence this content was sealed for, searching outward from where it sits.</summary>
    private async Task<long?> SealedSequenceAsync(AuditEntry row, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(Sequence) FROM AuditEntries";
        var max = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var p = row.Sequence;
        for (var distance = 1L; p - distance >= 1 || p + distance <= max; distance++)
        {
            if (p + distance <= max && sealer.IsSealed(row, asSequence: p + distance))
            {
                return p + distance;
            }

            if (p - distance >= 1 && sealer.IsSealed(row, asSequence: p - distance))
            {
                return p - distance;
            }
        }

        return null;
    }

    /// <summary>Whether the entry sealed for <paramref name="sequence"/> still exists further down: then it was moved, not deleted.</summary>
    private async Task<bool> HeldLaterAsync(long sequence, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM AuditEntries WHERE Sequence > $p ORDER BY Sequence";
        command.Parameters.AddWithValue("$p", sequence);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entry = NewEntry();
        while (await reader.ReadAsync(ct))
        {
            if (sealer.IsSealed(Read(reader, entry), asSequence: sequence))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A keyless SHA-256 over the canonical bytes, or over the text the console hashed before keyed hashes.</summary>
    private bool IsPlainHash(AuditEntry row)
    {
        if (string.Equals(row.Hash, sealer.PlainSha256(row), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var legacy = string.Join('\u001f',
            row.Sequence.ToString(CultureInfo.InvariantCulture), row.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            row.ActorIssuer, row.ActorId, row.ActorName, row.ActorRoles, row.ActorIsVendor ? "True" : "False", row.Action, row.Outcome,
            row.CaseId?.ToString(), row.SubjectId, row.DetailsJson, row.PreviousHash);
        return string.Equals(row.Hash, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(legacy))), StringComparison.OrdinalIgnoreCase);
    }
}
