using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using ResetConsole.Features.Audit;
using SQLitePCL;

namespace ResetConsole.Bench;

/// <summary>
/// Verifying the whole audit chain of 1,000,000 entries (goal: under 3 s) through the real <see cref="AuditVerifier"/>:
/// stream every row, recompute each keyed hash, check each link (in parallel ranges, one per core). Two one-thread
/// floors on the same data: reading every column with no hashing, and a plain SHA-256 over the same canonical bytes
/// held in memory (no database).
/// Run: cd bench/ResetConsole.Bench &amp;&amp; dotnet run -c Release -- --filter '*AuditVerify*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
public class AuditVerifyBenchmarks
{
    private const int Entries = 1_000_000;
    private const string Columns = "Sequence, At, ActorIssuer, ActorId, ActorName, ActorRoles, ActorIsVendor, Action, Outcome, CaseId, SubjectId, DetailsJson, PreviousHash, Hash";

    private BenchHost _host = null!;
    private AuditVerifier _verifier = null!;
    private string _path = null!;
    private byte[] _canonical = null!;
    private int[] _offsets = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = await BenchHost.StartAsync();
        _path = await AuditSeeder.SeedAsync(_host, Entries);
        _verifier = _host.Get<AuditVerifier>();
        (_canonical, _offsets) = await CanonicalBytesAsync();
        var check = await _verifier.VerifyAsync();
        if (!check.IsIntact || check.Entries != Entries)
        {
            throw new InvalidOperationException($"The seeded chain does not verify: {check.Summary}");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark(Baseline = true)]
    public async Task<long> VerifyChain()
    {
        var result = await _verifier.VerifyAsync();
        return result.IsIntact ? result.Entries : throw new InvalidOperationException(result.Summary);
    }

    [Benchmark]
    public long ReadRowsFloor()
    {
        // The verifier's read path on one thread, with no hashing: every column of every row, in place.
        using var connection = new SqliteConnection($"Data Source={_path};Mode=ReadWrite;Pooling=False");
        connection.Open();
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(connection.Handle, $"SELECT {Columns} FROM AuditEntries ORDER BY Sequence", out var statement), connection.Handle);
        using (statement)
        {
            long total = 0;
            while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
            {
                total += raw.sqlite3_column_int64(statement, 0) + raw.sqlite3_column_int64(statement, 1) + raw.sqlite3_column_int64(statement, 6);
                for (var i = 2; i < 14; i++)
                {
                    total += i == 6 ? 0 : raw.sqlite3_column_blob(statement, i).Length;
                }
            }

            return total;
        }
    }

    [Benchmark]
    public int Sha256Floor()
    {
        Span<byte> hash = stackalloc byte[32];
        var last = 0;
        for (var i = 0; i < Entries; i++)
        {
            SHA256.HashData(_canonical.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]), hash);
            last ^= hash[0];
        }

        return last;
    }

    private async Task<(byte[] Bytes, int[] Offsets)> CanonicalBytesAsync()
    {
        var form = new AuditCanonicalForm();
        var buffer = new MemoryStream();
        var offsets = new int[Entries + 1];
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM AuditEntries ORDER BY Sequence";
        await using var reader = await command.ExecuteReaderAsync();
        var converter = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
        var i = 0;
        while (reader.Read())
        {
            var entry = new AuditEntry
            {
                Sequence = reader.GetInt64(0),
                At = converter.ConvertFromProviderTyped(reader.GetInt64(1)),
                ActorIssuer = reader.GetString(2),
                ActorId = reader.GetString(3),
                ActorName = reader.GetString(4),
                ActorRoles = reader.GetString(5),
                ActorIsVendor = reader.GetInt64(6) != 0,
                Action = reader.GetString(7),
                Outcome = reader.GetString(8),
                CaseId = reader.GetGuid(9),
                SubjectId = reader.GetString(10),
                DetailsJson = reader.GetString(11),
                PreviousHash = reader.GetString(12),
                Hash = reader.GetString(13),
            };
            offsets[i++] = (int)buffer.Length;
            buffer.Write(form.Serialize(entry));
        }

        offsets[i] = (int)buffer.Length;
        return (buffer.ToArray(), offsets);
    }
}
