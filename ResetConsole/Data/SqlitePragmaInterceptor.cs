using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResetConsole.Data;

/// <summary>
/// Sets WAL, full sync, foreign keys and a busy timeout on every physical connection, before its first use. A plain
/// context opens and closes the connection around each statement, the console's pooled contexts once per context
/// (<see cref="KeptOpenSqliteConnection"/>), and SQLite's pool hands the same physical connection out again, whose
/// settings last as long as it does: so they are set once per physical connection (known by its native handle), not
/// four more statements before every statement. <c>StoreTests</c> checks connections from the pool.
/// </summary>
public sealed class SqlitePragmaInterceptor(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private static readonly object Applied = new();
    private readonly ConditionalWeakTable<object, object> _applied = new();
    private readonly string _statement = SqlitePragmas.Statement(busyTimeout);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsApplied(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = _statement;
        command.ExecuteNonQuery();
        MarkApplied(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsApplied(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = _statement;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkApplied(connection);
    }

    private bool IsApplied(DbConnection connection) => Handle(connection) is { } handle && _applied.TryGetValue(handle, out _);

    private void MarkApplied(DbConnection connection)
    {
        if (Handle(connection) is { } handle)
        {
            _applied.AddOrUpdate(handle, Applied);
        }
    }

    private static object? Handle(DbConnection connection) => (connection as SqliteConnection)?.Handle;
}
