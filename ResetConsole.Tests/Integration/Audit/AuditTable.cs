using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResetConsole.Data;
using ResetConsole.Features.Audit;

namespace ResetConsole.Tests.Integration.Audit;

/// <summary>The audit table as someone holding the database file sees it: raw SQL, and triggers they can drop.</summary>
internal sealed class AuditTable(string databasePath)
{
    public string DatabasePath => databasePath;

    public Task DropTriggersAsync() =>
        ExecuteAsync("DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete;");

    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    public async Task<AuditEntry> ReadAsync(long sequence)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AuditVerifier.Columns} FROM AuditEntries WHERE Sequence = $s";
        command.Parameters.AddWithValue("$s", sequence);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No audit entry #{sequence}.");
        return AuditVerifier.Read(reader, AuditVerifier.NewEntry());
    }

    /// <summary>Writes a whole row at a sequence, replacing what is there: the attacker's tool.</summary>
    public Task PutAsync(long sequence, AuditEntry entry) => ExecuteAsync(
        "INSERT OR REPLACE INTO AuditEntries (Sequence, At, ActorIssuer, ActorId, ActorName, ActorRoles, ActorIsVendor, Action, Outcome, CaseId, SubjectId, DetailsJson, PreviousHash, Hash) " +
        "VALUES ($seq, $at, $issuer, $actorId, $actorName, $roles, $vendor, $action, $outcome, $caseId, $subjectId, $details, $prev, $hash)",
        ("$seq", sequence), ("$at", StoredTime(entry.At)), ("$issuer", entry.ActorIssuer), ("$actorId", entry.ActorId), ("$actorName", entry.ActorName),
        ("$roles", entry.ActorRoles), ("$vendor", entry.ActorIsVendor), ("$action", entry.Action), ("$outcome", entry.Outcome),
        ("$caseId", entry.CaseId?.ToString().ToUpperInvariant()), ("$subjectId", entry.SubjectId), ("$details", entry.DetailsJson),
        ("$prev", entry.PreviousHash), ("$hash", entry.Hash));

    public static long StoredTime(DateTimeOffset at) => new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped(at);

    public async Task BackupToAsync(string path)
    {
        await using var connection = await OpenAsync();
        await using var copy = new SqliteConnection($"Data Source={path};Pooling=False");
        await copy.OpenAsync();
        connection.BackupDatabase(copy);
    }

    /// <summary>Puts an older copy back in place of the live file, as a restore from backup would.</summary>
    public void RestoreFrom(string path)
    {
        SqliteConnection.ClearAllPools();
        KeptOpenSqliteConnection.CloseAll(databasePath);
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");
        File.Copy(path, databasePath, overwrite: true);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
