using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResetConsole.Data;

/// <summary>Sets WAL, full sync, foreign keys and a busy timeout each time a connection opens, pooled or not.</summary>
public sealed class SqlitePragmaInterceptor(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _statement = SqlitePragmas.Statement(busyTimeout);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _statement;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _statement;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
