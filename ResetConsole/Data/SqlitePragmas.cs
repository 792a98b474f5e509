using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ResetConsole.Data;

/// <summary>The connection settings every SQLite connection must carry, and a check that they took.</summary>
public static class SqlitePragmas
{
    public static string Statement(TimeSpan busyTimeout) =>
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; " +
        $"PRAGMA busy_timeout={((int)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)};";

    /// <summary>
    /// The settings a context's connection carries. Opens and closes the connection itself: contexts are pooled, and a
    /// connection opened by hand and left open would stay open in the pool.
    /// </summary>
    public static async Task<PragmaState> ReadAsync(DbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadAsync(db.Database.GetDbConnection(), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static async Task<PragmaState> ReadAsync(DbConnection connection, CancellationToken ct = default)
    {
        return new PragmaState(
            JournalMode: (await ScalarAsync(connection, "PRAGMA journal_mode;", ct)).ToLowerInvariant(),
            Synchronous: int.Parse(await ScalarAsync(connection, "PRAGMA synchronous;", ct), CultureInfo.InvariantCulture),
            ForeignKeys: await ScalarAsync(connection, "PRAGMA foreign_keys;", ct) == "1",
            BusyTimeoutMs: int.Parse(await ScalarAsync(connection, "PRAGMA busy_timeout;", ct), CultureInfo.InvariantCulture));
    }

    private static async Task<string> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
