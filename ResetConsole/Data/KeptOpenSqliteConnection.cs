using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace ResetConsole.Data;

// EF1001: SqliteRelationalConnection is the provider's own connection service, public but outside EF's compatibility
// promise; the overrides below are few, and StatementReuseTests fails if a new EF version stops calling them.
#pragma warning disable EF1001

/// <summary>
/// A pooled context's SQLite connection that stays open for as long as the context lives in the pool, instead of being
/// closed after every statement and at every return to the pool. Microsoft.Data.Sqlite finalizes a connection's prepared
/// statements when it closes, so only an open connection can keep them (<see cref="PreparedStatements"/>); it also keeps
/// the provider's functions registered instead of registering and removing a dozen of them on each open and close.
/// They close when the console stops (<see cref="KeptConnectionsCloser"/>): the pool's disposal does not reach them.
/// An open connection outside a statement or a transaction holds no lock and no snapshot (WAL), so nothing waits on it.
/// </summary>
public sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    // Weak: a context the pool drops is collected with its connection, whose native handle then closes. The value is
    // the database file's full path, taken when it opened: another test's connections may be closing meanwhile.
    private static readonly ConditionalWeakTable<SqliteConnection, string> Kept = new();
    private SqliteConnection? _tracked;

    /// <summary>
    /// Closes every kept connection to one database file, as <see cref="SqliteConnection.ClearAllPools"/> does for idle
    /// pooled ones (each opens again on its next use). Only while nothing uses that database: a test that puts another
    /// file in its place.
    /// </summary>
    public static void CloseAll(string databasePath)
    {
        var path = Path.GetFullPath(databasePath);
        foreach (var connection in Kept.Where(k => k.Value == path).Select(k => k.Key).ToList())
        {
            connection.Close();
        }
    }

    protected override void OpenDbConnection(bool errorsExpected)
    {
        base.OpenDbConnection(errorsExpected);
        Track();
    }

    protected override async Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
    {
        await base.OpenDbConnectionAsync(errorsExpected, cancellationToken);
        Track();
    }

    // Entity Framework's "close" after a statement, a transaction or at the return to the pool: kept open.
    protected override void CloseDbConnection()
    {
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;

    protected override void DisposeDbConnection()
    {
        Untrack();
        base.DisposeDbConnection();
    }

    protected override ValueTask DisposeDbConnectionAsync()
    {
        Untrack();
        return base.DisposeDbConnectionAsync();
    }

    private void Track()
    {
        if (DbConnection is SqliteConnection { State: ConnectionState.Open } connection)
        {
            _tracked = connection;
            Kept.AddOrUpdate(connection, Path.GetFullPath(connection.DataSource));
        }
    }

    // Not through DbConnection, which would create a connection for a context that never opened one.
    private void Untrack()
    {
        if (_tracked is { } connection)
        {
            Kept.Remove(connection);
            _tracked = null;
        }
    }
}
