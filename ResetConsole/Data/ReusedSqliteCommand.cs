using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace ResetConsole.Data;

/// <summary>
/// The command Entity Framework uses once and disposes; underneath, the connection's compiled command for its SQL,
/// returned on dispose with its parameters cleared (<see cref="PreparedStatements"/>). Entity Framework sets the SQL
/// first, then the transaction and parameters, then executes.
/// </summary>
public sealed class ReusedSqliteCommand(PreparedStatements statements, SqliteConnection connection) : DbCommand
{
    private SqliteCommand? _inner;
    private string _sql = string.Empty;
    private int? _timeout;

    private SqliteCommand Inner
    {
        get
        {
            if (_inner is null)
            {
                _inner = statements.Rent(_sql);
                if (_timeout is { } timeout)
                {
                    _inner.CommandTimeout = timeout;
                }
            }

            return _inner;
        }
    }

    [AllowNull]
    public override string CommandText
    {
        get => _sql;
        set
        {
            var sql = value ?? string.Empty;
            if (sql == _sql)
            {
                return;
            }

            if (_inner is not null)
            {
                statements.Return(_inner);
                _inner = null;
            }

            _sql = sql;
        }
    }

    public override int CommandTimeout
    {
        get => _inner?.CommandTimeout ?? _timeout ?? connection.DefaultTimeout;
        set
        {
            _timeout = value;
            if (_inner is not null)
            {
                _inner.CommandTimeout = value;
            }
        }
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException($"SQLite runs only text commands, not {value}.", nameof(value));
            }
        }
    }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    public override bool DesignTimeVisible { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, connection))
            {
                throw new InvalidOperationException("A reused SQLite command stays on the connection it was made for.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => Inner.Transaction;
        set => Inner.Transaction = (SqliteTransaction?)value;
    }

    public override void Cancel() => _inner?.Cancel();

    public override void Prepare() => Inner.Prepare();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Inner.ExecuteReader(behavior);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await Inner.ExecuteReaderAsync(behavior, cancellationToken);

    public override int ExecuteNonQuery() => Inner.ExecuteNonQuery();

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Inner.ExecuteNonQueryAsync(cancellationToken);

    public override object? ExecuteScalar() => Inner.ExecuteScalar();

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Inner.ExecuteScalarAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inner is not null)
        {
            var inner = _inner;
            _inner = null;
            try
            {
                statements.Return(inner);
            }
            catch (InvalidOperationException)
            {
                // Its reader is still open (an error path): not reusable.
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
