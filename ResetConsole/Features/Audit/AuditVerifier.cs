using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ResetConsole.Infrastructure;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Walks the chain in sequence order straight off SQLite's statement API (<see cref="AuditRowStream"/>: no entities,
/// no strings) and checks every sequence, link and keyed hash, and each signed checkpoint on the way. Stops at the
/// first bad entry and says what is wrong there (<see cref="AuditChainDiagnosis"/>, which reads entries normally).
/// </summary>
public sealed class AuditVerifier(AuditFiles files, AuditKeyring keys, AuditCheckpointFile checkpointFile)
{
    internal const string Columns =
        "Sequence, At, ActorIssuer, ActorId, ActorName, ActorRoles, ActorIsVendor, Action, Outcome, CaseId, SubjectId, DetailsJson, PreviousHash, Hash";

    /// <summary>How many ranges a long chain is split into, verified in parallel.</summary>
    internal int Parallelism { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Below this many rows per range another thread costs more than it saves.</summary>
    internal long RowsPerRange { get; init; } = 100_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var (trusted, problems) = await checkpointFile.ReadAsync(ct);
        return await ScanAsync(trusted, problems, anchor: null, ct);
    }

    /// <summary>
    /// Checks only what was appended after <paramref name="anchor"/>, a trusted checkpoint: that the chain still holds
    /// it and extends it. What the checkpointer runs before vouching for a new head.
    /// </summary>
    public async Task<AuditVerification> VerifySinceAsync(AuditCheckpoint anchor, CancellationToken ct = default)
    {
        var (trusted, problems) = await checkpointFile.ReadAsync(ct);
        return await ScanAsync(trusted, problems, anchor, ct);
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var path = files.DatabasePath;
        if (!File.Exists(path))
        {
            throw new StartupException($"There is no database at '{path}'; set Database:Path to the console's database.");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        return connection;
    }

    internal static AuditEntry Read(SqliteDataReader reader, AuditEntry entry)
    {
        entry.Sequence = reader.GetInt64(0);
        entry.At = AuditTime.FromStored(reader.GetInt64(1));
        entry.ActorIssuer = Text(reader, 2);
        entry.ActorId = Text(reader, 3);
        entry.ActorName = Text(reader, 4);
        entry.ActorRoles = Text(reader, 5);
        entry.ActorIsVendor = reader.GetInt64(6) != 0;
        entry.Action = Text(reader, 7)!;
        entry.Outcome = Text(reader, 8)!;
        entry.CaseId = reader.IsDBNull(9) ? null : reader.GetGuid(9);
        entry.SubjectId = Text(reader, 10);
        entry.DetailsJson = Text(reader, 11)!;
        entry.PreviousHash = Text(reader, 12)!;
        entry.Hash = Text(reader, 13)!;
        return entry;
    }

    internal static AuditEntry NewEntry() => new() { Action = string.Empty, Outcome = string.Empty, DetailsJson = string.Empty, PreviousHash = string.Empty, Hash = string.Empty };

    private async Task<AuditVerification> ScanAsync(IReadOnlyList<AuditCheckpoint> trusted, IReadOnlyList<string> problems, AuditCheckpoint? anchor, CancellationToken ct)
    {
        var latest = trusted.OrderBy(c => c.Sequence).ThenBy(c => c.At).LastOrDefault();
        var result = new Outcome(latest, problems);
        var vouched = trusted.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.Select(c => (c, Encoding.UTF8.GetBytes(c.Hash))).ToArray());
        await using var connection = await OpenAsync(ct);
        var scan = anchor is null
            ? await ScanInRangesAsync(connection, vouched, ct)
            : ScanRange(connection, vouched, new Range(anchor.Sequence, long.MaxValue, Linked: false), ct);
        if (anchor is not null && scan.First != anchor.Sequence)
        {
            return result.Broken(AuditBreak.Truncated, anchor.Sequence,
                $"the chain no longer holds entry #{N(anchor.Sequence)}, which {AuditVerification.Describe(anchor)} vouched for");
        }

        switch (scan.Stop)
        {
            case Stop.Gap:
                return AuditChainDiagnosis.Gap(result, scan.Sequence, scan.Found);
            case Stop.Diverged:
                return result.Broken(AuditBreak.Truncated, scan.Sequence,
                    $"entry #{N(scan.Sequence)} differs from {AuditVerification.Describe(scan.Checkpoint!)}: the chain was rolled back to an older copy or rewritten after the checkpoint");
            case Stop.Bad:
                using (var sealer = keys.CreateSealer())
                {
                    return await DiagnoseAsync(connection, sealer, result, scan.Sequence, scan.LastHash, ct);
                }
        }

        if (latest is not null && latest.Sequence > scan.Sequence)
        {
            return result.Broken(AuditBreak.Truncated, scan.Sequence + 1,
                $"the chain ends at #{N(scan.Sequence)} but {AuditVerification.Describe(latest)} vouches for more: entries were truncated or an older copy of the database was restored");
        }

        return result.Intact(scan.Sequence, scan.LastHash ?? AuditLog.GenesisHash);
    }

    /// <summary>
    /// Splits a long chain into consecutive ranges verified in parallel, one connection each, then joins them in order:
    /// each range must start right after the previous one ended and link to its last hash.
    /// </summary>
    private async Task<ScanEnd> ScanInRangesAsync(SqliteConnection connection, Dictionary<long, (AuditCheckpoint, byte[])[]> vouched, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Sequence), 0) FROM AuditEntries";
        var max = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var count = (int)Math.Clamp(max / RowsPerRange, 1, Parallelism);
        var ranges = Enumerable.Range(0, count).Select(i => new Range(
            i == 0 ? long.MinValue : 1 + (max * i / count),
            i == count - 1 ? long.MaxValue : 1 + (max * (i + 1) / count),
            Linked: i == 0)).ToList();
        var others = ranges.Skip(1).Select(range => Task.Run(async () =>
        {
            await using var own = await OpenAsync(ct);
            return ScanRange(own, vouched, range, ct);
        }, ct)).ToList();
        ScanEnd[] scans;
        try
        {
            scans = [ScanRange(connection, vouched, ranges[0], ct)];
        }
        finally
        {
            await Task.WhenAll(others).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        scans = [.. scans, .. others.Select(t => t.GetAwaiter().GetResult())];

        var chain = scans[0];
        foreach (var next in scans.Skip(1))
        {
            if (chain.Stop != Stop.End || next.First is null)
            {
                continue;
            }

            chain = next.First != chain.Sequence + 1 ? new ScanEnd(Stop.Gap, chain.Sequence + 1) { Found = next.First.Value }
                : (next.Stop == Stop.Bad && next.Sequence == next.First) || next.FirstPreviousHash != chain.LastHash
                    ? new ScanEnd(Stop.Bad, next.First.Value) { LastHash = chain.LastHash }
                    : next;
        }

        return chain with { First = scans[0].First };
    }

    /// <summary>
    /// The hot loop: sequence, link and keyed hash of every row of one range, in place, until the first row that fails.
    /// A range that does not start the chain leaves its first link to the caller (<see cref="ScanEnd.FirstPreviousHash"/>).
    /// </summary>
    private ScanEnd ScanRange(SqliteConnection connection, Dictionary<long, (AuditCheckpoint, byte[])[]> vouched, Range range, CancellationToken ct)
    {
        using var sealer = keys.CreateSealer();
        using var rows = new AuditRowStream(connection, range.From, range.To);
        Span<byte> previous = stackalloc byte[AuditSealer.HashBytes * 2];
        Encoding.ASCII.GetBytes(AuditLog.GenesisHash, previous);
        var linked = range.Linked;
        long? first = null;
        string? firstPrevious = null;
        var expected = range.From == long.MinValue ? 1 : range.From;
        while (rows.Next())
        {
            if ((expected & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var sequence = rows.Int64(AuditRowStream.Sequence);
            if (first is null)
            {
                first = sequence;
                expected = linked ? expected : sequence;
            }

            if (sequence != expected)
            {
                return new ScanEnd(Stop.Gap, expected) { Found = sequence, First = first, FirstPreviousHash = firstPrevious };
            }

            var hash = rows.Bytes(AuditRowStream.Hash);
            if (!sealer.IsSealed(rows, sequence, hash, out var previousHash) || (linked && !previousHash.SequenceEqual(previous)))
            {
                return new ScanEnd(Stop.Bad, sequence) { LastHash = linked ? Encoding.ASCII.GetString(previous) : null, First = first, FirstPreviousHash = firstPrevious };
            }

            firstPrevious ??= Encoding.UTF8.GetString(previousHash);
            if (vouched.TryGetValue(sequence, out var checkpoints))
            {
                foreach (var (checkpoint, checkpointHash) in checkpoints)
                {
                    if (!hash.SequenceEqual(checkpointHash))
                    {
                        return new ScanEnd(Stop.Diverged, sequence) { Checkpoint = checkpoint, First = first, FirstPreviousHash = firstPrevious };
                    }
                }
            }

            hash.CopyTo(previous);
            linked = true;
            expected++;
        }

        return new ScanEnd(Stop.End, expected - 1) { First = first, FirstPreviousHash = firstPrevious, LastHash = linked ? Encoding.ASCII.GetString(previous) : null };
    }

    /// <summary>Reads the first bad entry and the one after it as entries, and works out what was done.</summary>
    private static async Task<AuditVerification> DiagnoseAsync(SqliteConnection connection, AuditSealer sealer, Outcome result, long sequence, string? expectedPrevious, CancellationToken ct)
    {
        AuditEntry bad;
        AuditEntry? successor;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {Columns} FROM AuditEntries WHERE Sequence >= $p ORDER BY Sequence LIMIT 2";
            command.Parameters.AddWithValue("$p", sequence);
            await using var reader = await command.ExecuteReaderAsync(ct);
            try
            {
                bad = await reader.ReadAsync(ct) ? Read(reader, NewEntry()) : throw new InvalidOperationException($"Entry #{sequence} vanished while it was being verified.");
                successor = await reader.ReadAsync(ct) ? Read(reader, NewEntry()) : null;
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                return result.Broken(AuditBreak.Edited, sequence, $"entry #{N(sequence)} cannot be read as an audit entry ({ex.GetType().Name}): it was edited");
            }
        }

        return await new AuditChainDiagnosis(connection, sealer).DiagnoseAsync(result, bad, expectedPrevious, successor, ct);
    }

    private enum Stop
    {
        End,
        Gap,
        Bad,
        Diverged,
    }

    private readonly record struct Range(long From, long To, bool Linked);

    /// <summary>Where a scan stopped: the last good sequence at the end, otherwise the sequence that stopped it.</summary>
    private sealed record ScanEnd(Stop Stop, long Sequence)
    {
        public long Found { get; init; }

        /// <summary>At the end, the last hash; at a bad entry, the hash it should have linked to (null if unknown).</summary>
        public string? LastHash { get; init; }

        public AuditCheckpoint? Checkpoint { get; init; }

        public long? First { get; init; }

        public string? FirstPreviousHash { get; init; }
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static string N(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>Builds the result; carries what every outcome reports.</summary>
    internal sealed class Outcome(AuditCheckpoint? latest, IReadOnlyList<string> problems)
    {
        public AuditVerification Broken(AuditBreak kind, long sequence, string sentence) =>
            new(sequence - 1, string.Empty, latest, kind, sequence, $"broken at #{N(sequence)} ({kind.ToString().ToLowerInvariant()}): {sentence}", problems);

        public AuditVerification Intact(long entries, string lastHash) =>
            new(entries, lastHash, latest, null, null,
                $"intact, {N(entries)} entries, {(latest is null ? "no checkpoint yet" : "last " + AuditVerification.Describe(latest))}", problems);
    }
}
