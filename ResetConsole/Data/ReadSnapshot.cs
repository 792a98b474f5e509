using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ResetConsole.Data;

/// <summary>
/// A read transaction (SQLite <c>BEGIN DEFERRED</c>): every statement in it sees the database as of its first read,
/// and it takes no write lock, so in WAL mode it never holds up a writer. EF's own BeginTransaction is
/// <c>BEGIN IMMEDIATE</c> on SQLite, which would take the write lock for a read. Disposing ends it and closes the
/// context's connection as Entity Framework would (the console's pooled contexts keep it open with its compiled
/// statements, <see cref="KeptOpenSqliteConnection"/>; a plain context closes it).
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly DbContext _db;
    private readonly SqliteTransaction _transaction;

    private ReadSnapshot(DbContext db, SqliteTransaction transaction) => (_db, _transaction) = (db, transaction);

    public static async Task<ReadSnapshot> BeginAsync(DbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        SqliteTransaction? transaction = null;
        try
        {
            transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, ct);
            return new ReadSnapshot(db, transaction);
        }
        catch
        {
            // Not begun: leave the pooled context's connection closed, as EF would.
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _db.Database.UseTransactionAsync(null);
        await _transaction.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
    }
}
