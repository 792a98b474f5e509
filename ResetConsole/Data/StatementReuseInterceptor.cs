using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResetConsole.Data;

/// <summary>
/// Gives Entity Framework a <see cref="ReusedSqliteCommand"/> instead of a new command on connections that stay open.
/// </summary>
public sealed class StatementReuseInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        !result.HasResult && eventData.Connection is SqliteConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new ReusedSqliteCommand(PreparedStatements.Of(connection), connection))
            : result;
}
